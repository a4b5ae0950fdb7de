using System.Text.Json;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Sim;

public sealed class SimJudgeTests
{
    private static JsonElement Grade(string kind, string criterion, string output) =>
        JsonDocument.Parse(SimJudge.Grade(new JudgeRequest(kind, criterion, output))).RootElement;

    [Fact]
    public void Grade_ScoresTheShareOfSalientWordsFoundAndNamesTheMissingOnes()
    {
        var grade = Grade("llm-rubric", "apologizes and mentions the parcel delivery", "We apologise: your parcel is on its way.");

        // Salient: apologizes, mentions, parcel, delivery; found: apolo(gise), parcel.
        Assert.Equal(0.5, grade.GetProperty("score").GetDouble());
        Assert.True(grade.GetProperty("pass").GetBoolean());
        Assert.Contains("missing: mentions, delivery", grade.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_NoSalientWordFound_Fails()
    {
        var grade = Grade("g-eval", "written in French about croissants", "Hello there");

        Assert.Equal(0, grade.GetProperty("score").GetDouble());
        Assert.False(grade.GetProperty("pass").GetBoolean());
    }

    [Theory]
    [InlineData("Paris is the capital of France", "C")]
    [InlineData("Paris", "A")]
    [InlineData("Paris is the capital of France and hosts the Louvre museum", "B")]
    [InlineData("Lyon hosts the Louvre", "D")]
    public void Grade_Factuality_ChoosesByOverlapBothWays(string output, string choice)
    {
        var grade = Grade("factuality", "Paris is the capital of France", output);

        Assert.Equal(choice, grade.GetProperty("choice").GetString());
        Assert.Equal(choice != "D", grade.GetProperty("pass").GetBoolean());
    }

    [Fact]
    public async Task SimChatClient_JudgeRequest_IsAnsweredAsAJudgeNotAReflection()
    {
        using var sim = ModelFactory.Create(ModelUri.Parse("sim"), new ModelOptions());
        var options = new ChatOptions { AdditionalProperties = new() { [ModelRequestKeys.Judge] = new JudgeRequest("llm-rubric", "Paris, France", "Paris is in France") } };

        var response = await sim.GetResponseAsync([new ChatMessage(ChatRole.User, "grade this")], options, TestContext.Current.CancellationToken);

        Assert.Equal(1, JsonDocument.Parse(response.Text).RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public void Grade_SelectBest_ChoosesTheAnswerWithTheMostKeyWordsAndTheFirstOnATie()
    {
        string Choose(params string[] outputs) => SimJudge.Grade(new JudgeRequest("select-best", "mentions the parcel delivery date", "") { Outputs = outputs });

        Assert.Equal(1, JsonDocument.Parse(Choose("hello", "your parcel delivery is on Monday", "parcel")).RootElement.GetProperty("best").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(Choose("parcel", "delivery")).RootElement.GetProperty("best").GetInt32());
    }
}
