namespace Evolve.Core.Suites.Import;

/// <summary>The seed agent for a HumanEval import: a plain instruction the optimizer can improve on.</summary>
internal static class HumanEvalAgentSeed
{
    private const string System = """
        You are a careful Python programmer. You are given the signature and docstring of a Python
        function. Write the complete function, including its signature and any imports it needs,
        so that it does exactly what the docstring says. Reply with the whole function in one
        fenced ```python code block.

        """;

    private const string Task = "{{ prompt }}\n";

    private const string Heuristics = """
        temperature: { type: float, min: 0.0, max: 1.5, value: 0.2, description: sampling temperature }
        max_steps: { type: int, min: 1, max: 20, value: 4, description: most model turns per case }

        """;

    public static void AddTo(ImportPlan plan, IReadOnlyDictionary<string, object?> sampleVars)
    {
        plan.AgentFiles.Add(("agent.yaml", YamlText.Write(new Dictionary<string, object?>
        {
            ["name"] = plan.Name,
            ["description"] = "Completes a Python function from its signature and docstring",
            ["system"] = "system.sbn",
            ["task"] = "task.sbn",
            ["heuristics"] = "heuristics.yaml",
            ["answer"] = "code",
            ["variants"] = Array.Empty<string>(),
            ["sample_vars"] = sampleVars,
        })));
        plan.AgentFiles.Add(("system.sbn", System));
        plan.AgentFiles.Add(("task.sbn", Task));
        plan.AgentFiles.Add(("heuristics.yaml", Heuristics));
    }
}
