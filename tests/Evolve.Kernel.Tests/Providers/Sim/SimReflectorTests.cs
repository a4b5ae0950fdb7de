using Evolve.Kernel.Prompts;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Sim;

public sealed class SimReflectorTests
{
    private const string Instruction = "You are a careful Python programmer.\nWrite small, clear functions.\nAnswer with one fenced code block.";

    private static string Prompt(string instruction = Instruction) =>
        $"""
        Improve the instruction below.

        ```
        {instruction}
        ```

        Record 1 (score 0): FAILED tests/test_sort.py::test_empty_list - AssertionError: assert None == []
        Record 2 (score 0): FAILED test_empty_list, test_negative_numbers
        Hints: unicode; large input
        Record 3 (score 0): test_empty_list failed; test_negative_numbers failed
        Record 4 (score 1): all tests passed
        """;

    private static List<string> InstructionLines(string reply) =>
        [.. (FencedBlock.First(reply)?.Content ?? throw new InvalidOperationException("no fenced block in: " + reply)).Split('\n')];

    [Fact]
    public void Reflect_ManySeeds_AddOneGuidelineNamingTheMostFrequentCuesAndMostlyKeepTheRest()
    {
        var original = Instruction.Split('\n');
        var dropped = 0;
        for (var seed = 0; seed < 100; seed++)
        {
            var lines = InstructionLines(new SimReflector(seed).Reflect(Prompt()));

            Assert.Contains(": empty list, negative numbers, unicode", lines[^1], StringComparison.Ordinal);
            var kept = lines[..^1];
            if (kept.Count == original.Length)
            {
                Assert.Equal(original, kept);
            }
            else
            {
                Assert.Equal(original.Length - 1, kept.Count);
                Assert.Equal(kept, original.Where(kept.Contains));
                dropped++;
            }
        }

        Assert.InRange(dropped, 2, 25);
    }

    [Fact]
    public void Reflect_CueAlreadyCovered_IsNotRepeated()
    {
        var lines = InstructionLines(new SimReflector(1).Reflect(Prompt(Instruction + "\nAlways handle the empty-list case.")));

        Assert.Contains("negative numbers, unicode, large input.", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("empty list", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reflect_SamePrompt_GivesTheSameReply()
    {
        Assert.Equal(new SimReflector(4).Reflect(Prompt()), new SimReflector(4).Reflect(Prompt()));
    }

    [Fact]
    public void Reflect_NothingLeftToAdd_AppendsAGenericTipInsteadOfACueGuideline()
    {
        var covered = Instruction + "\nCover empty list, negative numbers, unicode and large input.";
        var original = covered.Split('\n');

        var lines = InstructionLines(new SimReflector(0).Reflect(Prompt(covered)));

        Assert.Equal("- Re-read the task statement and match the requested output format exactly.", lines[^1]);
        Assert.Equal(lines[..^1], original.Where(lines.Contains));
        Assert.InRange(lines.Count - 1, original.Length - 1, original.Length);
    }

    [Fact]
    public void RankCues_Feedback_OrdersByFrequencyThenFirstMention()
    {
        var ranked = SimReflector.RankCues("test_b_c x\nHints: zeta; b c\n test_a test_b_c").ToList();

        Assert.Equal(["b c", "zeta", "a"], ranked);
    }

    [Fact]
    public async Task GetResponseAsync_NoOracle_ActsAsTheReflectionModel()
    {
        var client = SimRequests.Client(seed: 5);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, Prompt())], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new SimReflector(5).Reflect(Prompt()), response.Text);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }
}
