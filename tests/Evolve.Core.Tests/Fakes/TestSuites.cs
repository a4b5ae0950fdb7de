using Evolve.Core.Suites;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Tests.Fakes;

/// <summary>Builds small in-memory suites and agents for engine tests.</summary>
internal static class TestSuites
{
    public static Suite Arithmetic(int cases)
    {
        var list = Enumerable.Range(0, cases).Select(i => new EvalCase
        {
            Id = $"c{i}",
            Vars = new Dictionary<string, object?> { ["q"] = $"{i}+{i}" },
            Expected = (2 * i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Split = (Split)(i % 3),
            Source = new SourceLocation("cases.yaml", i + 1),
        }).ToList();
        return new Suite { Name = "arith", Directory = "evals/arith", Agent = "calc", Cases = list, ContentHash = "test" };
    }

    public static AgentDefinition Calculator(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "calc"));
        File.WriteAllText(Path.Combine(directory, "calc", "agent.yaml"), "system: system.sbn\ntask: task.sbn\n");
        File.WriteAllText(Path.Combine(directory, "calc", "system.sbn"), "Answer with the number only.");
        File.WriteAllText(Path.Combine(directory, "calc", "task.sbn"), "{{ q }}");
        var profile = AgentProfileLoader.Load(directory, "calc");
        return AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile));
    }
}
