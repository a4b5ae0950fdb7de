using Evolve.Core.Evaluation;
using Evolve.Core.Suites;

namespace Evolve.Core.Tests.Evaluation;

public sealed class CaseOracleTests
{
    private static EvalCase Case(string id, string[] hints, string[] tags) => new() { Id = id, Hints = hints, Tags = tags, Source = new SourceLocation("cases.yaml", 1) };

    [Fact]
    public void BorrowedCues_WordSharedWithOneOtherCaseAndNotAnOwnHint_IsBorrowed()
    {
        // "wraps" is text-wrap's own hint and only a tag of pad-left; "empty" is named by three cases, so it is general.
        var cases = new[]
        {
            Case("text-wrap", ["text wraps", "empty text"], []),
            Case("pad-left", ["empty width"], ["wraps", "padding"]),
            Case("sum", ["empty list"], ["padding"]),
        };

        var borrowed = CaseOracle.BorrowedCues(cases, []);

        Assert.Empty(borrowed["text-wrap"]);
        Assert.Equal(["wraps", "padding"], borrowed["pad-left"]);
        Assert.Equal(["padding"], borrowed["sum"]);
    }

    [Fact]
    public void Create_WithBorrowedCues_HandsThemToTheOracle()
    {
        var evalCase = Case("pad-left", ["empty width"], ["wraps"]);

        var oracle = CaseOracle.Create(evalCase, [], Kernel.Providers.Sim.SimAnswerKind.Text, ["wraps"]);

        Assert.Equal(["empty", "width", "wraps"], oracle.Cues);
        Assert.Equal(["wraps"], oracle.BorrowedCues);
    }
}
