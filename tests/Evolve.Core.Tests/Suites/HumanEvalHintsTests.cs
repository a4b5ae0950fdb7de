using Evolve.Core.Evaluation;
using Evolve.Core.Suites;
using Evolve.Core.Suites.Import;

namespace Evolve.Core.Tests.Suites;

public sealed class HumanEvalHintsTests : IDisposable
{
    private readonly TempEvals _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void FromPrompt_DocstringNamingEdgeCases_GivesTheirHintsInTableOrder()
    {
        const string prompt = """"
            def pick(xs: list) -> int:
                """ Return the largest negative number of xs, or None when there is none.
                An empty list gives None; duplicates count once.
                """

            """";

        Assert.Equal(["empty input", "negative numbers", "duplicates", "none result", "largest and smallest"], HumanEvalHints.FromPrompt(prompt));
    }

    [Fact]
    public void FromPrompt_WordsOnlyInExamples_AreNotHints()
    {
        const string prompt = """"
            def double(x: int) -> int:
                """ Twice x.
                >>> double(2)
                4
                >>> sorted([double(1), double(0)])
                [0, 2]
                double(-3) ==> -6 for a negative
                """

            """";

        Assert.Empty(HumanEvalHints.FromPrompt(prompt));
        Assert.Equal("twice x.", HumanEvalHints.Prose(prompt).Trim());
    }

    [Fact]
    public void FromPrompt_NoDocstring_GivesNoHints() =>
        Assert.Empty(HumanEvalHints.FromPrompt("def f(xs):\n    # an empty list is fine\n"));

    [Fact]
    public void FromPrompt_ManyEdgeCases_KeepsAtMostFive() =>
        Assert.Equal(HumanEvalHints.MaxHints, HumanEvalHints.FromPrompt("'''empty negative positive zero duplicate unique sorted'''").Count);

    [Fact]
    public async Task ImportAsync_HumanEvalSubset_CasesCarryDocstringHintsAsSimulatorCues()
    {
        await SuiteImporter.ImportAsync(ImportKind.HumanEval, Fixtures.HumanEvalSubset, null, _temp.EvalsDir, _temp.PromptsDir, cancellationToken: TestContext.Current.CancellationToken);

        var suite = SuiteLoader.Load(_temp.EvalsDir, "humaneval");

        Assert.All(suite.Cases, c => Assert.Equal(HumanEvalHints.FromPrompt((string)c.Vars["prompt"]!), c.Hints));
        // HumanEval/163 (generate_integers) says "positive integers ... in ascending order" and "even digits".
        var evenDigits = suite.Cases.Single(c => c.Id == "humaneval-163");
        Assert.Contains("sorted order", evenDigits.Hints);
        Assert.Contains("digits", CaseOracle.Cues(evenDigits, suite.DefaultAssertions));
        Assert.True(suite.Cases.Count(c => c.Hints.Count > 0) >= 5, "most subset problems name an edge case");
    }
}
