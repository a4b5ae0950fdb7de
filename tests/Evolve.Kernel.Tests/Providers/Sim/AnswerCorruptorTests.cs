using System.Text.Json.Nodes;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Kernel.Tests.Providers.Sim;

public sealed class AnswerCorruptorTests
{
    [Fact]
    public void Corrupt_Json_StaysValidJsonButDiffers()
    {
        const string reference = """{"name":"Ada Lovelace","born":1815,"languages":["en","fr"],"active":false}""";
        var expected = JsonNode.Parse(reference);

        for (ulong pick = 0; pick < AnswerCorruptor.Variants; pick++)
        {
            var wrong = AnswerCorruptor.Corrupt(reference, SimAnswerKind.Json, pick);

            var parsed = JsonNode.Parse(wrong);
            Assert.False(JsonNode.DeepEquals(expected, parsed), $"variant {pick} did not change: {wrong}");
        }
    }

    [Theory]
    [InlineData("42", new[] { "43", "41", "84", "420" })]
    [InlineData("0", new[] { "1", "-1", "2" })]
    [InlineData("2.5", new[] { "3.5", "1.5", "5", "25" })]
    public void Corrupt_Number_IsOffByOneOrASmallFactor(string reference, string[] allowed)
    {
        for (ulong pick = 0; pick < 8; pick++)
        {
            Assert.Contains(AnswerCorruptor.Corrupt(reference, SimAnswerKind.Number, pick), allowed);
        }
    }

    [Fact]
    public void Corrupt_Text_DropsOrSwapsWords()
    {
        const string reference = "the capital of France is Paris";
        for (ulong pick = 0; pick < AnswerCorruptor.Variants; pick++)
        {
            var wrong = AnswerCorruptor.Corrupt(reference, SimAnswerKind.Text, pick);

            Assert.NotEqual(reference, wrong);
            Assert.True(
                wrong.Split(' ').Length == 5 || wrong.Split(' ').Order().SequenceEqual(reference.Split(' ').Order()),
                wrong);
        }
    }

    [Theory]
    [InlineData("Paris", SimAnswerKind.Text)]
    [InlineData("not a number", SimAnswerKind.Number)]
    [InlineData("{broken json", SimAnswerKind.Json)]
    public void Corrupt_AnyShortOrUnparseableReference_StillDiffers(string reference, SimAnswerKind kind)
    {
        Assert.NotEqual(reference, AnswerCorruptor.Corrupt(reference, kind, 3));
    }
}
