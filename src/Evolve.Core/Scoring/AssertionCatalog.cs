using Evolve.Core.Scoring.Assertions;

namespace Evolve.Core.Scoring;

/// <summary>One evaluator per assertion type in <see cref="AssertionTypes.All"/>, bound to the given services.</summary>
internal sealed class AssertionCatalog
{
    private readonly Dictionary<string, AssertionEvaluator> _byType = new(StringComparer.Ordinal);

    public AssertionCatalog(ScoringServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Validate();
        AssertionEvaluator[] evaluators =
        [
            new EqualsEvaluator(),
            new ContainsEvaluator(ignoreCase: false),
            new ContainsEvaluator(ignoreCase: true),
            new ContainsSetEvaluator(all: true, ignoreCase: false),
            new ContainsSetEvaluator(all: false, ignoreCase: false),
            new ContainsSetEvaluator(all: true, ignoreCase: true),
            new ContainsSetEvaluator(all: false, ignoreCase: true),
            new StartsWithEvaluator(),
            new RegexEvaluator(services.RegexTimeout),
            new IsJsonEvaluator(),
            new ContainsJsonEvaluator(),
            new NumericEvaluator(),
            new LevenshteinEvaluator(),
            new WordCountEvaluator(),
            new TokenF1Evaluator(),
            new PythonTestsEvaluator(services.PythonTestRunner),
            new JavaScriptEvaluator(services.JavaScript),
            new XmlEvaluator(whole: true),
            new XmlEvaluator(whole: false),
        ];
        foreach (var evaluator in evaluators)
        {
            _byType.Add(evaluator.Type, evaluator);
        }
    }

    /// <summary>The types this catalog scores.</summary>
    public IReadOnlyCollection<string> Types => _byType.Keys;

    /// <summary>The evaluator for <paramref name="type"/> (without <c>not-</c>).</summary>
    public bool TryGet(string type, out AssertionEvaluator evaluator) => _byType.TryGetValue(type, out evaluator!);
}
