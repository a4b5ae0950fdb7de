using System.Globalization;
using System.Text.RegularExpressions;
using Evolve.Core.Suites;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Builds the simulator's view of a case: its reference answer and its cues (hints, tags and the
/// names of its hidden tests). Real providers never see it: their pipelines strip it.
/// </summary>
public static partial class CaseOracle
{
    /// <summary>The reference answer: <see cref="EvalCase.Expected"/>, else the value of the first equals/numeric/starts-with assertion.</summary>
    public static string? Reference(EvalCase evalCase) =>
        evalCase.Expected ?? evalCase.Assertions
            .Where(a => !a.Negate && a.Type is "equals" or "numeric" or "starts-with")
            .Select(a => Convert.ToString(a.Value, CultureInfo.InvariantCulture))
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>Hints, tags and hidden test names (without the <c>test_</c> prefix), de-duplicated, in that order.</summary>
    public static IReadOnlyList<string> Cues(EvalCase evalCase, IEnumerable<AssertionSpec> defaultAssertions)
    {
        var testNames = evalCase.Assertions.Concat(defaultAssertions)
            .Where(a => a.Type == "python-tests" && a.Value is string)
            .SelectMany(a => TestName().Matches((string)a.Value!).Select(m => m.Groups[1].Value));
        return evalCase.Hints.Concat(evalCase.Tags).Concat(testNames)
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The oracle attached to requests for this case.</summary>
    public static SimOracle Create(EvalCase evalCase, IEnumerable<AssertionSpec> defaultAssertions, SimAnswerKind kind) =>
        new(evalCase.Id, Reference(evalCase) ?? "", kind, Cues(evalCase, defaultAssertions), evalCase.Difficulty);

    [GeneratedRegex(@"def\s+test_(\w+)\s*\(")]
    private static partial Regex TestName();
}
