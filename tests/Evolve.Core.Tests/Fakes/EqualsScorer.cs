using Evolve.Core.Scoring;
using Evolve.Core.Suites;

namespace Evolve.Core.Tests.Fakes;

/// <summary>A scorer that passes when the output equals the case's expected text; throws for outputs starting with "boom".</summary>
internal sealed class EqualsScorer : ICaseScorer
{
    public ValueTask<CaseScore> ScoreAsync(EvalCase evalCase, IReadOnlyList<AssertionSpec> defaultAssertions, Answer answer, CancellationToken cancellationToken = default)
    {
        var pass = answer.Output == evalCase.Expected;
        return ValueTask.FromResult(new CaseScore(pass ? 1 : 0, pass, pass ? "ok" : $"expected {evalCase.Expected}", []));
    }
}
