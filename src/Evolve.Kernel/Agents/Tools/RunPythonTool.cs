using System.ComponentModel;
using System.Text;
using Evolve.Kernel.Sandbox;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Tools;

/// <summary><c>run_python</c>: runs code (and optional pytest-style tests) in the sandbox.</summary>
internal static class RunPythonTool
{
    public const string Description = "Run Python code in a sandbox (no network). Pass tests to run test_* functions against the code; returns stdout/stderr or the test results.";

    public static AIFunction Create(Func<CancellationToken, Task<ISandbox>> sandbox, int maxChars, Func<ISandbox, IPythonTestRunner>? runner = null)
    {
        runner ??= s => new PythonTestRunner(s);
        return AIFunctionFactory.Create(
            async (
                [Description("The Python source to run.")] string code,
                [Description("Optional test source: test_* functions that exercise the code.")] string? tests = null,
                CancellationToken cancellationToken = default) =>
            {
                var box = await sandbox(cancellationToken).ConfigureAwait(false);
                var text = string.IsNullOrWhiteSpace(tests)
                    ? Describe(await box.RunAsync(Request(code), cancellationToken).ConfigureAwait(false))
                    : Describe(await runner(box).RunAsync(code, tests, null, cancellationToken).ConfigureAwait(false));
                return ToolText.Truncate(text, maxChars);
            },
            ToolNames.RunPython,
            Description);
    }

    private static SandboxRequest Request(string code) =>
        new(["python3", "-I", "main.py"], new Dictionary<string, string> { ["main.py"] = code });

    private static string Describe(SandboxResult result)
    {
        var text = new StringBuilder();
        text.Append("outcome: ").Append(result.Outcome).Append(", exit code ").Append(result.ExitCode)
            .Append(" (sandbox: ").Append(SandboxLevelNames.Name(result.Level)).Append(")\n");
        if (result.Explanation is { Length: > 0 } why)
        {
            text.Append(why).Append('\n');
        }

        text.Append("stdout:\n").Append(result.Stdout).Append("\nstderr:\n").Append(result.Stderr);
        return text.ToString();
    }

    private static string Describe(PythonTestRun run)
    {
        if (run.LoadError is not null)
        {
            return "tests did not run: " + run.LoadError;
        }

        var text = new StringBuilder();
        text.Append(run.Tests.Count(t => t.Passed)).Append('/').Append(run.Tests.Count)
            .Append(" tests passed (sandbox: ").Append(SandboxLevelNames.Name(run.Sandbox.Level)).Append(")\n");
        foreach (var test in run.Tests)
        {
            text.Append(test.Passed ? "PASS " : "FAIL ").Append(test.Name);
            text.Append(test.Message is { Length: > 0 } m ? ": " + m : "").Append('\n');
        }

        return text.ToString();
    }
}
