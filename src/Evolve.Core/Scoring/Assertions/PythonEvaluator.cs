using Evolve.Core.Scoring.Scripts;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>python</c>, promptfoo's contract: inline code (one line is an expression, several lines a
/// function body that returns) or <c>file://check.py[:function]</c> (default <c>get_assert</c>;
/// relative to the file that names it, and inside its folder) called as
/// <c>check(output, context)</c> with <c>context["vars"]</c>, <c>["test"]</c> and <c>["prompt"]</c>.
/// The result reads as for <c>javascript</c> (<see cref="ScriptVerdict"/>). It runs in the sandbox,
/// never in Evolve's process: a check that raises, loops, allocates or reaches out fails this
/// assertion alone with the reason. Without a sandbox, it fails saying none is configured.
/// </summary>
internal sealed class PythonEvaluator(ISandbox? sandbox) : AssertionEvaluator<PythonScript>("python")
{
    private const string FilePrefix = "file://";

    /// <inheritdoc/>
    protected override PythonScript Parse(AssertionSpec spec)
    {
        if (!SpecValue.TryText(spec.Value, out var code) || string.IsNullOrWhiteSpace(code))
        {
            throw new FormatException($"python needs code or file://check.py as its value, not {SpecValue.Describe(spec.Value)}");
        }

        if (!code.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            return PythonScript.Inline(code);
        }

        var (relative, function) = JavaScriptEvaluator.SplitFunction(code[FilePrefix.Length..].Trim());
        var folder = Path.GetDirectoryName(Path.GetFullPath(spec.Source.File))!;
        var path = ContainedPath.Resolve(folder, relative, "the suite's folder", out var problem) ?? throw new FormatException(problem);
        return File.Exists(path)
            ? PythonScript.File(path, File.ReadAllText(path), function)
            : throw new FormatException($"the script {relative} does not exist (looked for {path})");
    }

    /// <inheritdoc/>
    protected override async ValueTask<AssertionCheck> CheckAsync(PythonScript arg, AssertionContext context, string output, CancellationToken cancellationToken)
    {
        var result = sandbox is null
            ? ScriptResult.Error("no sandbox is configured to run Python checks")
            : await arg.RunAsync(sandbox, output, JavaScriptContext.Of(context.Case, context.Answer.Prompt), cancellationToken).ConfigureAwait(false);
        return ScriptVerdict.Of(result, context.Spec, "Python", arg.Shown);
    }
}
