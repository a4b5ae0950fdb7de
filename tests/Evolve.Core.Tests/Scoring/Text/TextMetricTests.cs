using Evolve.Core.Scoring.Text;

namespace Evolve.Core.Tests.Scoring.Text;

public sealed class TextMetricTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("same", "same", 0)]
    public void EditDistance_Compute_IsLevenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b));
        Assert.Equal(expected, EditDistance.Compute(b, a));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("  one ", 1)]
    [InlineData("one\ttwo\nthree  four", 4)]
    public void WordTokens_Count_CountsWhitespaceSeparatedWords(string text, int expected)
    {
        Assert.Equal(expected, WordTokens.Count(text));
    }

    [Fact]
    public void TokenOverlap_Compute_CountsRepeatedTokensOnce()
    {
        var overlap = TokenOverlap.Compute(WordTokens.Normalize("a cat and a cat"), WordTokens.Normalize("The cat, the CAT, the cat!"));

        // reference: cat and cat (3); answer: cat cat cat (3); common 2 -> P = R = F1 = 2/3.
        Assert.Equal(2.0 / 3, overlap.F1, 9);
        Assert.Equal(["and"], overlap.Missing);
        Assert.Empty(overlap.Extra);
    }

    [Fact]
    public void FeedbackText_Quote_EscapesNewlinesAndCuts()
    {
        Assert.Equal("\"a\\nb \\\"c\\\"\"", FeedbackText.Quote("a\nb \"c\""));
        Assert.Equal("\"abc\"… (2 more chars)", FeedbackText.Quote("abcde", 3));
        Assert.Equal("\"\" (empty)", FeedbackText.Quote(""));
    }

    [Fact]
    public void JsonLocator_FindFirst_SkipsBrokenCandidates()
    {
        Assert.Equal("[1, {\"a\": 2}]", JsonLocator.FindFirst("x {oops} [1, {\"a\": 2}] tail }"));
        Assert.Null(JsonLocator.FindFirst("{\"a\": "));
    }

    [Theory]
    [InlineData(42, "42")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-6, "1e-6")]
    [InlineData(2.5e20, "2.5e+20")]
    public void FeedbackText_Number_IsShortAndInvariant(double value, string expected)
    {
        Assert.Equal(expected, FeedbackText.Number(value));
    }

    [Fact]
    public void JsonTextEquality_NumbersDifferingInTheSeventhDecimal_AreNotEqual()
    {
        using var a = System.Text.Json.JsonDocument.Parse("[1.0000001]");
        using var b = System.Text.Json.JsonDocument.Parse("[1.0000002]");
        using var c = System.Text.Json.JsonDocument.Parse("[\"1.0000001\"]");

        Assert.False(JsonTextEquality.Equal(a.RootElement, b.RootElement));
        Assert.True(JsonTextEquality.Equal(c.RootElement, a.RootElement));
    }

    [Fact]
    public void EditDistance_ComputeBounded_AgreesWithFullComputation()
    {
        var random = new Random(1234);
        for (var trial = 0; trial < 500; trial++)
        {
            var a = RandomText(random, random.Next(0, 30));
            var b = random.Next(2) == 0 ? Mutate(random, a) : RandomText(random, random.Next(0, 30));
            var k = random.Next(0, 8);
            var full = EditDistance.Compute(a, b);

            Assert.Equal(Math.Min(full, k + 1), EditDistance.ComputeBounded(a, b, k));
        }
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)('a' + random.Next(4));
        }

        return new string(chars);
    }

    private static string Mutate(Random random, string text)
    {
        var chars = new List<char>(text);
        for (var edits = random.Next(0, 6); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0: chars.Insert(at, 'z'); break;
                case 1 when at < chars.Count: chars.RemoveAt(at); break;
                default: if (at < chars.Count) { chars[at] = 'y'; } break;
            }
        }

        return new string([.. chars]);
    }
}
