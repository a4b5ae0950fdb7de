namespace Evolve.Core.Suites;

/// <summary>
/// A loaded, validated suite: its cases with splits assigned, and its defaults.
/// </summary>
public sealed record Suite
{
    /// <summary>The suite name (its folder name under <c>evals/</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Directory holding <c>suite.yaml</c>.</summary>
    public required string Directory { get; init; }

    /// <summary>The agent (folder under <c>prompts/</c>) this suite optimizes.</summary>
    public required string Agent { get; init; }

    /// <summary>One line saying what the suite measures.</summary>
    public string? Description { get; init; }

    /// <summary>Cases, each with its split assigned, in file order.</summary>
    public required IReadOnlyList<EvalCase> Cases { get; init; }

    /// <summary>Assertions applied to every case in addition to its own.</summary>
    public IReadOnlyList<AssertionSpec> DefaultAssertions { get; init; } = [];

    /// <summary>Assertion values that read a var some case does not define (it renders empty there), one line each.</summary>
    public IReadOnlyList<string> TemplateWarnings { get; init; } = [];

    /// <summary>The models <c>eval</c> runs the suite on when no <c>--model</c> is given (its <c>models:</c>, as a promptfoo import writes its providers); empty for the agent's own model.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Metrics computed from the named metrics in every summary (<c>derived_metrics:</c>, promptfoo's <c>derivedMetrics</c>).</summary>
    public IReadOnlyList<DerivedMetric> DerivedMetrics { get; init; } = [];

    /// <summary><paramref name="named"/> (a summary's named metrics, means over rollouts) followed by each derived metric computed from them.</summary>
    public IReadOnlyDictionary<string, double> Metrics(IReadOnlyDictionary<string, double> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        var metrics = new Dictionary<string, double>(named, StringComparer.Ordinal);
        foreach (var derived in DerivedMetrics)
        {
            if (derived.Evaluate(metrics) is { } value)
            {
                metrics[derived.Name] = value;
            }
        }

        return metrics;
    }

    /// <summary>Default number of repeats per case (at least 1).</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>A stable SHA-256 of the suite's files, recorded with every run.</summary>
    public required string ContentHash { get; init; }

    /// <summary>True when scoring <paramref name="cases"/> (default: all) runs code (python-tests, python assertions, in an assert-set too), so a sandbox is needed.</summary>
    public bool RunsCode(IEnumerable<EvalCase>? cases = null) =>
        Flatten((cases ?? Cases).SelectMany(c => c.Assertions).Concat(DefaultAssertions)).Any(a => a.Type is "python-tests" or "python");

    /// <summary>True when scoring <paramref name="cases"/> (default: all) asks a judge model (some assertion is model-graded, in an assert-set too).</summary>
    public bool UsesJudge(IEnumerable<EvalCase>? cases = null) =>
        Flatten((cases ?? Cases).SelectMany(c => c.Assertions).Concat(DefaultAssertions)).Any(a => Scoring.AssertionTypes.Judged.Contains(a.Type));

    /// <summary>True when some assertion reads the answer's token log-probabilities (perplexity, perplexity-score), so rollouts ask the provider for them.</summary>
    public bool UsesLogProbs() =>
        Flatten(Cases.SelectMany(c => c.Assertions).Concat(DefaultAssertions)).Any(a => a.Type is "perplexity" or "perplexity-score");

    private static IEnumerable<AssertionSpec> Flatten(IEnumerable<AssertionSpec> specs) =>
        specs.SelectMany(a => a.Value is IReadOnlyList<AssertionSpec> members ? Flatten(members).Prepend(a) : [a]);

    /// <summary>
    /// One line per assertion type in <paramref name="cases"/> (default: all) and the defaults that
    /// Evolve does not score yet: how many, where the first is, and why each is scored as an error.
    /// </summary>
    public IReadOnlyList<string> UnscoredWarnings(IEnumerable<EvalCase>? cases = null) =>
        [.. DefaultAssertions.Concat((cases ?? Cases).SelectMany(c => c.Assertions))
            .Where(a => !Scoring.AssertionTypes.IsKnown(a.Type) || Scoring.AssertionTypes.Comparison.Contains(a.Type))
            .GroupBy(a => a.Type, StringComparer.Ordinal)
            .Select(g => Scoring.AssertionTypes.Comparison.Contains(g.Key)
                ? $"{g.First().Source}: {g.Count()} '{g.Key}' assertion(s) compare the answers of several prompts or models, so they are decided in a matrix (eval with variants or several --model) and are no part of each answer's own score"
                : $"{g.First().Source}: {g.Count()} '{g.Key}' assertion(s) scored as errors, the rest of each case is scored: {Scoring.AssertionTypes.Unsupported[g.Key]}")];

    /// <summary>True when some case of the suite (or a default) has a select-best or max-score assertion.</summary>
    public bool Compares => DefaultAssertions.Concat(Cases.SelectMany(c => c.Assertions)).Any(a => Scoring.AssertionTypes.Comparison.Contains(a.Type));

    /// <summary>Cases in one split.</summary>
    public IEnumerable<EvalCase> InSplit(Split split) => Cases.Where(c => c.Split == split);
}
