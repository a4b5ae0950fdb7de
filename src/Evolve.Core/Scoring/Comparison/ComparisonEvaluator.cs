using Evolve.Core.Scoring.Assertions;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Comparison;

/// <summary>
/// <c>select-best</c> and <c>max-score</c> as the catalog sees them: their values are checked at
/// load like any other type's, but they are decided across a matrix's answers to one case
/// (<see cref="Evaluation.Matrix.MatrixComparison"/>), so the case scorer leaves them out of each
/// answer's own score. Only one nested in an <c>assert-set</c> reaches <see cref="Check"/>, where it
/// cannot compare anything and says so.
/// </summary>
internal sealed class ComparisonEvaluator(string type) : SyncAssertionEvaluator<object>(type)
{
    /// <inheritdoc/>
    protected override object Parse(AssertionSpec spec)
    {
        if (spec.Negate)
        {
            throw new FormatException($"{Type} picks one answer among several and cannot be negated");
        }

        return Type == "select-best"
            ? spec.Value is string { Length: > 0 } criterion && !string.IsNullOrWhiteSpace(criterion)
                ? criterion
                : throw new FormatException($"select-best needs its criterion as text, not {SpecValue.Describe(spec.Value)}")
            : MaxScoreOptions.Parse(spec.Value, spec.Threshold);
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(object arg, AssertionContext context, string output) =>
        AssertionCheck.Broken(
            $"{Type} compares the answers of several prompts or models to one case, so it cannot be inside an assert-set; put it in the case's own assertions.",
            $"{context.Spec.Source}: {Type}: inside an assert-set");
}
