using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Evolve.Core.Suites;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Builds the simulator's view of a case: its reference answer and its cues (hints, tags and the
/// names of its hidden tests). It goes to the simulator only, through <see cref="Lookup"/> when the
/// model is built; a request names just its case.
/// </summary>
public static partial class CaseOracle
{
    /// <summary>The reference answer: <see cref="EvalCase.Expected"/>, else the value of the first equals/numeric/starts-with assertion.</summary>
    public static string? Reference(EvalCase evalCase) =>
        evalCase.Expected ?? evalCase.Assertions
            .Where(a => !a.Negate && a.Type is "equals" or "numeric" or "starts-with")
            .Select(a => Convert.ToString(a.Value, CultureInfo.InvariantCulture))
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>
    /// The salient words of the case's hints, tags and hidden test names (without the <c>test_</c>
    /// prefix), de-duplicated in that order: "empty", "negative", "unicode". Words, not whole
    /// phrases, because what a real model learns from "handle the empty list" carries over to
    /// <c>test_empty_input_returns_zero</c>; a whole test name would only ever match itself.
    /// </summary>
    public static IReadOnlyList<string> Cues(EvalCase evalCase, IEnumerable<AssertionSpec> defaultAssertions)
    {
        var testNames = evalCase.Assertions.Concat(defaultAssertions)
            .Where(a => a.Type == "python-tests" && a.Value is string)
            .SelectMany(a => TestName().Matches((string)a.Value!).Select(m => m.Groups[1].Value));
        // A judge's criterion names what the answer must do, as a hint would.
        var criteria = evalCase.Assertions.Concat(defaultAssertions)
            .Where(a => Scoring.AssertionTypes.JudgedByCriterion.Contains(a.Type) && a.Value is string)
            .Select(a => (string)a.Value!);
        return Words(evalCase.Hints.Concat(evalCase.Tags).Concat(testNames).Concat(criteria));
    }

    /// <summary>
    /// The cues of each case that it shares with exactly one other case of <paramref name="cases"/> and
    /// that are not words of its own hints: the simulator's profile v2 counts them less, because a prompt
    /// naming them most likely copied the other case's specifics (see <c>SimCueWeights</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BorrowedCues(IEnumerable<EvalCase> cases, IEnumerable<AssertionSpec> defaultAssertions)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var defaults = defaultAssertions.ToList();
        var cues = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var evalCase in cases)
        {
            cues.TryAdd(evalCase.Id, Cues(evalCase, defaults));
        }

        var casesNaming = cues.Values.SelectMany(c => c).GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var evalCase in cases)
        {
            var ownHints = Words(evalCase.Hints).ToHashSet(StringComparer.Ordinal);
            result.TryAdd(evalCase.Id, [.. cues[evalCase.Id].Where(c => casesNaming[c] == 2 && !ownHints.Contains(c))]);
        }

        return result;
    }

    private static List<string> Words(IEnumerable<string> phrases) =>
        phrases.SelectMany(phrase => Word().Matches(phrase.ToLowerInvariant()).Select(m => m.Value))
            .Where(word => word.Length >= 3 && !StopWords.Contains(word))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The simulator's lookup for <paramref name="suite"/>: each case's oracle by id, built on first
    /// use per answer kind and then shared. Null for an id the suite does not have.
    /// </summary>
    public static SimOracleLookup Lookup(Suite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var cases = new Dictionary<string, EvalCase>(StringComparer.Ordinal);
        foreach (var evalCase in suite.Cases)
        {
            cases.TryAdd(evalCase.Id, evalCase);
        }

        var borrowed = new Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>>(() => BorrowedCues(cases.Values, suite.DefaultAssertions));
        var oracles = new ConcurrentDictionary<(string, SimAnswerKind), SimOracle>();
        return (caseId, answer) => cases.TryGetValue(caseId, out var evalCase)
            ? oracles.GetOrAdd((caseId, answer), key => Create(evalCase, suite.DefaultAssertions, key.Item2, borrowed.Value[key.Item1]))
            : null;
    }

    /// <summary>The oracle of this case for an agent that answers as <paramref name="kind"/>; <paramref name="borrowed"/> as <see cref="BorrowedCues"/> gives them.</summary>
    public static SimOracle Create(EvalCase evalCase, IEnumerable<AssertionSpec> defaultAssertions, SimAnswerKind kind, IReadOnlyList<string>? borrowed = null) =>
        new(evalCase.Id, Reference(evalCase) ?? JudgeCriterion(evalCase, defaultAssertions) ?? "", kind, Cues(evalCase, defaultAssertions), evalCase.Difficulty, borrowed);

    // A case graded only by a judge has no reference; the simulator's right answer then states the
    // rubric, so the simulated judge (which looks for the rubric's words) passes it and a corrupted one loses words.
    private static string? JudgeCriterion(EvalCase evalCase, IEnumerable<AssertionSpec> defaultAssertions) =>
        evalCase.Assertions.Concat(defaultAssertions)
            .Where(a => !a.Negate && Scoring.AssertionTypes.JudgedByCriterion.Contains(a.Type))
            .Select(a => a.Value as string)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Words that say nothing about what a case checks.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "are", "for", "with", "from", "into", "that", "this", "than", "then", "when", "its", "has", "have", "not",
        "all", "any", "one", "two", "gives", "give", "given", "returns", "return", "returned", "stay", "stays", "kept", "keeps",
        "keep", "works", "work", "handled", "handles", "same", "only", "also", "each", "every", "just", "but", "get", "gets",
    };

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"def\s+test_(\w+)\s*\(")]
    private static partial Regex TestName();
}
