using System.Runtime.CompilerServices;
using Evolve.Core.Scoring.Assertions;
using Evolve.Core.Scoring.Judges;
using Evolve.Core.Scoring.Scripts;
using Evolve.Core.Suites;
using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Evolve.Core.Scoring;

/// <summary>One evaluator per assertion type in <see cref="AssertionTypes.All"/>, bound to the given services.</summary>
internal sealed class AssertionCatalog
{
    private readonly Dictionary<string, AssertionEvaluator> _byType = new(StringComparer.Ordinal);

    // A transform is parsed once per assertion, like the evaluators' own values.
    private readonly ConditionalWeakTable<AssertionSpec, JavaScriptFunction> _transforms = [];
    private readonly JavaScriptLimits _limits;

    public AssertionCatalog(ScoringServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Validate();
        _limits = services.JavaScript;
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
            new PythonEvaluator(services.Sandbox),
            new XmlEvaluator(whole: true),
            new XmlEvaluator(whole: false),
            new AssertSetEvaluator(this),
            new SimilarEvaluator(),
            new LatencyEvaluator(),
            new CostEvaluator(),
            new FinishReasonEvaluator(),
            new HtmlEvaluator(whole: true),
            new HtmlEvaluator(whole: false),
            new SqlEvaluator(whole: true),
            new SqlEvaluator(whole: false),
            new RefusalEvaluator(),
            new PerplexityEvaluator(normalized: false),
            new PerplexityEvaluator(normalized: true),
            .. OverlapEvaluator.All(),
            new ToolCallF1Evaluator(),
            new ToolCallValidityEvaluator("is-valid-openai-tools-call"),
            new ToolCallValidityEvaluator("is-valid-openai-function-call"),
            new ToolCallValidityEvaluator("is-valid-function-call"),
            .. JudgeKind.All.Select(kind => new JudgeEvaluator(kind, services.Judge)),
            new Comparison.ComparisonEvaluator("select-best"),
            new Comparison.ComparisonEvaluator("max-score"),
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

    /// <summary>The type as reported: the evaluator's cached name, or as written for a type without one.</summary>
    public string DisplayType(AssertionSpec spec) => TryGet(spec.Type, out var evaluator) ? evaluator.DisplayType(spec.Negate) : spec.DisplayType;

    private static Score Unsupported(AssertionSpec spec)
    {
        var why = AssertionTypes.Unsupported.TryGetValue(spec.Type, out var reason) ? reason : "unknown to Evolve";
        return Score.Fail(
            $"{spec.DisplayType}: not scored, counted as an error: this assertion type {why}.",
            $"{spec.Source}: type: unsupported assertion type \"{spec.Type}\"");
    }

    /// <summary>
    /// Scores one assertion: through its evaluator, as an error with the reason for a type Evolve
    /// does not score yet, and as a failure with the exception for a check that throws. A judge
    /// call that failed permanently (a bad key) is thrown on: it would fail every case alike.
    /// </summary>
    public async ValueTask<Score> ScoreAsync(AssertionSpec spec, EvalCase evalCase, Answer answer, ChatResponse response, EvaluationContext[] slot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!TryGet(spec.Type, out var evaluator))
        {
            return Unsupported(spec);
        }

        try
        {
            if (spec.Transform is { } code)
            {
                var transform = _transforms.GetValue(spec, _ => JavaScriptFunction.Inline(code));
                var text = transform.Transform(response.Text, JavaScriptContext.Of(evalCase, answer.Prompt), _limits, out var failure, cancellationToken);
                if (text is null)
                {
                    return Score.Fail(
                        $"{spec.DisplayType}: its transform could not run on this answer ({failure}), so the answer was not judged on it.",
                        $"{spec.Source}: transform: {failure}");
                }

                response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
            }

            slot[0] = new AssertionContext(spec, evalCase, answer);
            var result = await evaluator.EvaluateAsync([], response, null, slot, cancellationToken).ConfigureAwait(false);
            return ScoreMapping.ToScore(result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not ModelCallException { Kind: ModelCallFailure.Permanent })
        {
            return Score.Fail(
                $"{spec.DisplayType}: the check itself failed ({e.GetType().Name}: {e.Message}), so this answer was not judged on it.",
                $"{spec.Source}: {spec.DisplayType} threw {e.GetType().FullName}: {e.Message}");
        }
    }
}
