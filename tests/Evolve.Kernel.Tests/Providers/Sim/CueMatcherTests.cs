using Evolve.Kernel.Providers.Sim;

namespace Evolve.Kernel.Tests.Providers.Sim;

public sealed class CueMatcherTests
{
    [Theory]
    [InlineData("  Empty_List\tand  NEGATIVE-numbers \n", "empty list and negative numbers")]
    [InlineData("__x__", "x")]
    [InlineData("", "")]
    public void Normalize_MixedText_LowercasesAndTurnsSeparatorsIntoSingleSpaces(string text, string expected)
    {
        Assert.Equal(expected, CueMatcher.Normalize(text));
    }

    [Theory]
    [InlineData("Handle an Empty-List input first.", "empty_list", true)]
    [InlineData("handle empty   list", "Empty List", true)]
    [InlineData("Handle lists.", "empty_list", false)]
    [InlineData("anything", "", false)]
    public void Covers_CueInText_MatchesAfterNormalizing(string text, string cue, bool expected)
    {
        Assert.Equal(expected, CueMatcher.Covers(text, cue));
    }

    [Fact]
    public void Coverage_SomeCuesMentioned_IsTheFractionCovered()
    {
        Assert.Equal(0.5, CueMatcher.Coverage("Watch for unicode and negative values.", ["unicode", "negative", "empty_list", "overflow"]));
        Assert.Equal(0, CueMatcher.Coverage("anything", []));
    }
}
