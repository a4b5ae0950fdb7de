using Evolve.Core.Scoring.Scripts;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;
using Evolve.Kernel;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>javascript</c>, promptfoo's contract: inline code or <c>file://script.js[:function]</c>
/// (relative to the file that names it, and inside its folder) is called as
/// <c>fn(output, context)</c> with <c>context.vars</c> and <c>context.test</c>. A boolean passes or
/// fails; a number is the score, passing above 0 or at the threshold; <c>{pass, score, reason}</c>
/// says all three. A script that throws, runs too long or allocates too much fails this assertion
/// alone, negated or not, with the reason.
/// </summary>
internal sealed class JavaScriptEvaluator(JavaScriptLimits limits) : AssertionEvaluator<JavaScriptFunction>("javascript")
{
    private const string FilePrefix = "file://";

    /// <inheritdoc/>
    protected override JavaScriptFunction Parse(AssertionSpec spec)
    {
        if (!SpecValue.TryText(spec.Value, out var code) || string.IsNullOrWhiteSpace(code))
        {
            throw new FormatException($"javascript needs code or file://script.js as its value, not {SpecValue.Describe(spec.Value)}");
        }

        if (!code.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            return JavaScriptFunction.Inline(code);
        }

        var (relative, function) = SplitFunction(code[FilePrefix.Length..].Trim());
        var folder = Path.GetDirectoryName(Path.GetFullPath(spec.Source.File))!;
        var path = ContainedPath.Resolve(folder, relative, "the suite's folder", out var problem)
            ?? throw new FormatException(problem);
        return File.Exists(path)
            ? JavaScriptFunction.File(folder, path, function)
            : throw new FormatException($"the script {relative} does not exist (looked for {path})");
    }

    /// <inheritdoc/>
    protected override ValueTask<AssertionCheck> CheckAsync(JavaScriptFunction arg, AssertionContext context, string output, CancellationToken cancellationToken)
    {
        var result = arg.Call(output, JavaScriptContext.Of(context.Case, context.Answer.Prompt), limits, cancellationToken);
        return new(ScriptVerdict.Of(result, context.Spec, "JavaScript", arg.Shown));
    }

    // "checks.js:isPolite" names a function; a colon in a Windows drive letter does not.
    internal static (string Path, string? Function) SplitFunction(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return colon > 1 && reference.AsSpan(colon + 1).IndexOfAny(['/', '\\', '.']) < 0
            ? (reference[..colon], reference[(colon + 1)..])
            : (reference, null);
    }
}
