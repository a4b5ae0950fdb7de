using Evolve.Core.Gepa.Search;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Gepa.Search;

public sealed class AcceptanceRuleTests
{
    [Fact]
    public void Strict_HigherSum_Accepted()
    {
        Assert.True(AcceptanceRule.Strict.Accepts([0.5, 0.5, 0.5], [0.4, 0.5, 0.7]));
    }

    [Fact]
    public void Strict_EqualSum_Rejected()
    {
        Assert.False(AcceptanceRule.Parse("strict").Accepts([0.1, 0.2, 0.3], [0.3, 0.2, 0.1]));
        Assert.False(AcceptanceRule.Strict.Accepts([0.5, 0.5], [0.5, 0.5]));
    }

    [Fact]
    public void Strict_LowerSum_Rejected()
    {
        Assert.False(AcceptanceRule.Strict.Accepts([0.5, 0.5], [0.9, 0.05]));
    }

    [Fact]
    public void Tolerance_SmallLossWithAWin_AcceptedWhereStrictRejects()
    {
        double[] parent = [0.8, 0.8, 0.8, 0.8];
        double[] child = [1.0, 0.7, 0.7, 0.7]; // mean diff -0.025, one win

        Assert.True(AcceptanceRule.Parse("tolerance:0.05").Accepts(parent, child));
        Assert.False(AcceptanceRule.Strict.Accepts(parent, child));
    }

    [Fact]
    public void Tolerance_LossBeyondTolerance_Rejected()
    {
        Assert.False(AcceptanceRule.Parse("tolerance:0.05").Accepts([0.8, 0.8], [0.9, 0.5])); // mean diff -0.1
    }

    [Fact]
    public void Tolerance_NoWinAnywhere_Rejected()
    {
        var rule = AcceptanceRule.Parse("tolerance:0.1");

        Assert.False(rule.Accepts([0.6, 0.6], [0.6, 0.6]));
        Assert.False(rule.Accepts([0.6, 0.6], [0.6, 0.55]));
    }

    [Fact]
    public void Tolerance_MeanDiffExactlyMinusX_Accepted()
    {
        Assert.True(AcceptanceRule.Parse("tolerance:0.1").Accepts([0.5, 0.5], [0.6, 0.2]));
    }

    [Fact]
    public void Parse_Tolerance_KeepsValueAndText()
    {
        var rule = AcceptanceRule.Parse(" Tolerance:0.02 ");

        Assert.Equal(0.02, rule.Tolerance);
        Assert.Equal("tolerance:0.02", rule.ToString());
        Assert.Null(AcceptanceRule.Strict.Tolerance);
    }

    [Theory]
    [InlineData("")]
    [InlineData("loose")]
    [InlineData("tolerance:")]
    [InlineData("tolerance:abc")]
    [InlineData("tolerance:-0.1")]
    [InlineData("tolerance:1.5")]
    public void Parse_BadText_InputExceptionOnAcceptField(string text)
    {
        var ex = Assert.Throws<InputException>(() => AcceptanceRule.Parse(text));

        // The flag is where the error is, once: "--accept: must be ...", not "--accept: --accept: must be ...".
        Assert.Equal("--accept", Assert.Single(ex.Errors).File);
        Assert.Null(ex.Errors[0].Field);
        Assert.Equal($"--accept: must be strict or tolerance:X with X between 0 and 1, not '{text}'", ex.Errors[0].ToString());
        Assert.Contains($"not '{text}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => AcceptanceRule.Strict.Accepts([0.5], [0.5, 0.5]));
    }

    [Fact]
    public void Accepts_LengthPenalty_MustBeOutscored()
    {
        double[] parent = [0.5, 0.5, 0.5];
        double[] child = [0.6, 0.5, 0.5];

        // The child gains 0.1 in all: a penalty of 0.03 per case (0.09) leaves it ahead, 0.04 (0.12) does not.
        Assert.True(AcceptanceRule.Strict.Accepts(parent, child, penalty: 0.03));
        Assert.False(AcceptanceRule.Strict.Accepts(parent, child, penalty: 0.04));
        Assert.False(AcceptanceRule.Parse("tolerance:0.01").Accepts(parent, child, penalty: 0.05));
    }
}
