using Evolve.Kernel.Agents.Sessions;

namespace Evolve.Kernel.Tests.Agents.Sessions;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("deploy staging", "\"deploy\" \"staging\"")]
    [InlineData("a OR b", "\"a\" \"OR\" \"b\"")]
    [InlineData("NEAR(x y, 3)", "\"NEAR\" \"x\" \"y\" \"3\"")]
    [InlineData("col:term*", "\"col\" \"term\"")]
    [InlineData("\"unbalanced", "\"unbalanced\"")]
    [InlineData("dup dup", "\"dup\"")]
    [InlineData("café", "\"café\"")]
    public void Sanitize_UserText_QuotesEveryTerm(string text, string expected)
    {
        Assert.Equal(expected, FtsQuery.Sanitize(text));
    }

    [Fact]
    public void Sanitize_OnlySymbols_IsNull()
    {
        Assert.Null(FtsQuery.Sanitize("\"*()^:-+"));
    }
}
