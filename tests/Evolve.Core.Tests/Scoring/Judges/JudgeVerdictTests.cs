using Evolve.Core.Scoring.Judges;

namespace Evolve.Core.Tests.Scoring.Judges;

public sealed class JudgeVerdictTests
{
    [Fact]
    public void Parse_ObjectInProseAndFence_ReadsEveryField()
    {
        var verdict = JudgeVerdict.Parse("Sure.\n```json\n{\"reason\": \"says {x} twice\", \"pass\": true, \"score\": 0.8, \"choice\": \"b\"}\n```", out var problem);

        Assert.Null(problem);
        Assert.Equal(new JudgeVerdict("says {x} twice", true, 0.8, "B"), verdict);
    }

    [Fact]
    public void Parse_StringlyTypedFields_AreAccepted()
    {
        var verdict = JudgeVerdict.Parse("{\"pass\": \"false\", \"score\": \"0.5\"}", out _);

        Assert.Equal((false, 0.5), (verdict!.Pass, verdict.Score));
    }

    [Theory]
    [InlineData("It looks fine to me.", "holds no JSON object")]
    [InlineData("{\"score\": 1.5}", "not between 0 and 1")]
    [InlineData("{\"score\": 0.5,}", "does not parse")]
    public void Parse_Unusable_SaysWhy(string reply, string expected)
    {
        Assert.Null(JudgeVerdict.Parse(reply, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
