using Evolve.Core.Suites;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// One assertion type as an <see cref="IEvaluator"/>. It reads its <see cref="AssertionSpec"/> and
/// case from an <see cref="AssertionContext"/> and returns one <see cref="NumericMetric"/> named
/// after the assertion's metric (or its type): value in [0, 1], <c>Interpretation.Failed</c>
/// set, <c>Reason</c> = feedback for reflection, diagnostics for bad data. The <c>not-</c>
/// prefix is applied here, once, for every type.
/// </summary>
internal abstract class AssertionEvaluator : IEvaluator
{
    // Built once: these strings appear in every passing score and every negated metric name.
    private readonly string _negatedType;
    private readonly string _passNote;
    private readonly string _negatedPassNote;

    protected AssertionEvaluator(string type)
    {
        Type = type;
        EvaluationMetricNames = [type];
        _negatedType = "not-" + type;
        _passNote = type + ": passed.";
        _negatedPassNote = _negatedType + ": passed.";
    }

    /// <summary>The assertion type (without <c>not-</c>).</summary>
    public string Type { get; }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> EvaluationMetricNames { get; }

    /// <summary>The type as written: with <c>not-</c> when negated (cached, unlike <see cref="AssertionSpec.DisplayType"/>).</summary>
    public string DisplayType(bool negate) => negate ? _negatedType : Type;

    /// <summary>Checks the spec's value and threshold up front; null when usable, else what is wrong.</summary>
    public abstract SpecProblem? Validate(AssertionSpec spec);

    /// <inheritdoc/>
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        var context = AssertionContext.Find(additionalContext)
            ?? throw new ArgumentException($"An {nameof(AssertionContext)} is required to evaluate '{Type}'.", nameof(additionalContext));

        var check = await CheckAsync(context, modelResponse.Text, cancellationToken).ConfigureAwait(false);
        return new EvaluationResult(ToMetric(context.Spec, check));
    }

    /// <summary>Runs the positive check. Bad suite data becomes <see cref="AssertionCheck.Broken"/>, never an exception.</summary>
    protected abstract ValueTask<AssertionCheck> CheckAsync(AssertionContext context, string output, CancellationToken cancellationToken);

    /// <summary>True when the final verdict fails and so needs an explanation: the check passed exactly when negated.</summary>
    protected static bool Explains(AssertionSpec spec, bool passed) => passed == spec.Negate;

    private NumericMetric ToMetric(AssertionSpec spec, AssertionCheck check)
    {
        var invert = spec.Negate && check.Invertible;
        var value = Math.Clamp(invert ? 1 - check.Value : check.Value, 0, 1);
        var pass = invert ? !check.Passed : check.Passed;
        var feedback = pass
            ? (spec.Negate ? _negatedPassNote : _passNote)
            : string.Concat(spec.Negate ? _negatedType : Type, ": ", check.Explanation ?? "failed.");

        var metric = new NumericMetric(spec.Metric ?? (spec.Negate ? _negatedType : Type), value, feedback)
        {
            Interpretation = new EvaluationMetricInterpretation(Rate(value, pass, check.Invertible), failed: !pass, reason: feedback),
        };
        if (check.Diagnostic is not null)
        {
            metric.AddDiagnostics(check.Invertible
                ? EvaluationDiagnostic.Warning(check.Diagnostic)
                : EvaluationDiagnostic.Error(check.Diagnostic));
        }

        return metric;
    }

    private static EvaluationRating Rate(double value, bool pass, bool usable) => (usable, pass) switch
    {
        (false, _) => EvaluationRating.Inconclusive,
        (true, true) => value >= 1 ? EvaluationRating.Exceptional : EvaluationRating.Good,
        (true, false) => value > 0 ? EvaluationRating.Poor : EvaluationRating.Unacceptable,
    };
}
