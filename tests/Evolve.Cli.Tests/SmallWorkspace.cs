namespace Evolve.Cli.Tests;

/// <summary>A tiny workspace with a three-case short-answer suite <c>qa</c> and its agent, for fast CLI tests.</summary>
internal static class SmallWorkspace
{
    public static TempDirectory Create()
    {
        var dir = new TempDirectory();
        dir.Write("evals/qa/suite.yaml", """
            description: capitals
            agent: qa
            cases: [cases.yaml]
            """);
        dir.Write("evals/qa/cases.yaml", """
            - id: france
              vars: { country: France }
              expected: Paris
              assert: [{ type: equals, value: Paris }]
              split: train
              hints: [capital city]
            - id: japan
              vars: { country: Japan }
              expected: Tokyo
              assert: [{ type: equals, value: Tokyo }]
              split: val
            - id: peru
              vars: { country: Peru }
              expected: Lima
              assert: [{ type: equals, value: Lima }]
              split: holdout
            """);
        dir.Write("prompts/qa/agent.yaml", """
            name: qa
            system: system.sbn
            task: task.sbn
            answer: text
            sample_vars: { country: Chile }
            """);
        dir.Write("prompts/qa/system.sbn", "Answer with the city name only.");
        dir.Write("prompts/qa/task.sbn", "What is the capital of {{ country }}?");
        Directory.CreateDirectory(Path.Combine(dir.Path, "runs"));
        return dir;
    }

    public static string[] RunFolders(TempDirectory dir) =>
        Directory.GetDirectories(Path.Combine(dir.Path, "runs")).Where(d => !Path.GetFileName(d).StartsWith('.')).ToArray();
}
