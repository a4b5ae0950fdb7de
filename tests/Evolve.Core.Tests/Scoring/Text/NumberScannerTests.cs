using Evolve.Core.Scoring.Text;

namespace Evolve.Core.Tests.Scoring.Text;

public sealed class NumberScannerTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData(" -3.5 ", -3.5)]
    [InlineData("7.", 7)]
    [InlineData("Total: $1,234,567.25 overall", 1234567.25)]
    [InlineData("between 1 and 2, the answer is 3", 3)]
    [InlineData("on 2024-01-05 we had 12", 12)]
    [InlineData("list 1,2,3", 3)]
    [InlineData("H2O has mass 18.015 g", 18.015)]
    [InlineData("from -1 to .5", 0.5)]
    public void TryFind_Text_ReturnsTheAnswersNumber(string text, double expected)
    {
        Assert.True(NumberScanner.TryFind(text, out var value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("no digits here")]
    [InlineData("v2 only")]
    [InlineData("")]
    public void TryFind_NoNumber_ReturnsFalse(string text)
    {
        Assert.False(NumberScanner.TryFind(text, out _));
    }
}
