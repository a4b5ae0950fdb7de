using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Reflection;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Tests.Gepa.Reflection;

/// <summary>Rollouts, records and an agent shaped like the shipped coding agent, for reflection tests.</summary>
internal static class ReflectionFixtures
{
    public const string System = """
        You are a Python programmer.
        Write the function described in the task, using only the Python standard library.
        Reply with the complete function in a ```python fenced block.
        """;

    public const string Task = "Implement `{{ signature }}`.\n\n{{ task }}\n";

    public const string HeuristicsYaml = """
        temperature: { type: float, min: 0.0, max: 1.5, value: 0.2, description: sampling temperature }
        max_steps: { type: int, min: 1, max: 20, value: 6 }
        plan_first: { type: bool, value: false }
        style: { type: enum, values: [terse, verbose, socratic], value: terse }
        """;

    public static AgentProfile Profile { get; } = new()
    {
        Name = "coding",
        Directory = "prompts/coding",
        System = "system.sbn",
        Task = "task.sbn",
        Heuristics = "heuristics.yaml",
        SampleVars = new Dictionary<string, object?> { ["signature"] = "def clamp(x, lo, hi)", ["task"] = "Limit x to [lo, hi]." },
    };

    public static Dictionary<string, string> Seed() => new(StringComparer.Ordinal)
    {
        ["system.sbn"] = System,
        ["task.sbn"] = Task,
        ["heuristics.yaml"] = HeuristicsYaml,
    };

    public static Rollout Rollout(string caseId, double score, string output = "def f(): pass", string feedback = "ok", string? trace = null, string? error = null) => new()
    {
        CandidateId = "parent",
        CaseId = caseId,
        Repeat = 0,
        Split = Split.Train,
        Output = output,
        Score = new CaseScore(score, score >= 1.0, feedback, []),
        Trace = trace,
        Error = error,
    };

    public static ReflectiveRecord FailingRecord(string caseId, string feedback) =>
        new(caseId, "signature: def f(xs)", "def f(xs):\n    return xs[0]", feedback, 0.0, null);
}
