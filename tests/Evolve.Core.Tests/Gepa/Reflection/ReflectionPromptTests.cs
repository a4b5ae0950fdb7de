using Evolve.Core.Gepa.Reflection;
using Evolve.Kernel;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Tests.Gepa.Reflection;

public sealed class ReflectionPromptTests
{
    private static readonly ReflectiveRecord[] Records =
    [
        ReflectionFixtures.FailingRecord("first", "FAILED test_empty_list: IndexError\nFAILED test_negative: wrong sign\nHints: empty list"),
        ReflectionFixtures.FailingRecord("second", "FAILED test_empty_list: IndexError"),
        ReflectionFixtures.FailingRecord("third", "FAILED test_unicode: mangled"),
    ];

    [Fact]
    public void Build_CurrentTextWithFences_IsTheFirstFencedBlockIntact()
    {
        var prompt = ReflectionPrompt.Build("system.sbn", ReflectionFixtures.System, Records, []);

        var first = ReflectionReply.Parse(prompt, ChatFinishReason.Stop);

        Assert.Equal(ReflectionFixtures.System, first.Text);
    }

    [Fact]
    public void Build_Records_AreMarkdownSectionsWithFeedbackVerbatim()
    {
        var prompt = ReflectionPrompt.Build("system.sbn", ReflectionFixtures.System, Records, []);

        Assert.Contains("### Example 1 (case `first`, score 0.00)", prompt, StringComparison.Ordinal);
        Assert.Contains("### Example 3 (case `third`, score 0.00)", prompt, StringComparison.Ordinal);
        Assert.Contains("#### Inputs", prompt, StringComparison.Ordinal);
        Assert.Contains("#### Generated output", prompt, StringComparison.Ordinal);
        Assert.Contains("#### Feedback\n\n" + Records[0].Feedback + "\n", prompt, StringComparison.Ordinal);
        Assert.Contains("\nHints: empty list\n", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TemplateComponent_NamesItsVariablesToKeep()
    {
        var prompt = ReflectionPrompt.Build("task.sbn", ReflectionFixtures.Task, Records, []);

        Assert.Contains("Keep every {{ variable }} as it is", prompt, StringComparison.Ordinal);
        Assert.Contains("`{{ signature }}`, `{{ task }}`", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RejectedEdits_ListsThoseOfThisComponentOnly()
    {
        RejectedEdit[] rejected =
        [
            new("p1", "system.sbn", "+1 -0 lines\n+ - Always sort the input first."),
            new("p1", "task.sbn", "+1 -0 lines\n+ Task-only edit"),
        ];

        var prompt = ReflectionPrompt.Build("system.sbn", ReflectionFixtures.System, Records, rejected);

        Assert.Contains("## Edits already tried and rejected", prompt, StringComparison.Ordinal);
        Assert.Contains("- +1 -0 lines\n    + - Always sort the input first.\n", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("Task-only edit", prompt, StringComparison.Ordinal);
        Assert.True(prompt.IndexOf("## Edits already tried", StringComparison.Ordinal) < prompt.IndexOf("## Answer", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NoRejectedEdits_LeavesTheSectionOut()
    {
        var prompt = ReflectionPrompt.Build("system.sbn", ReflectionFixtures.System, Records, []);

        Assert.DoesNotContain("already tried", prompt, StringComparison.Ordinal);
        Assert.EndsWith("Put no other fenced block in your reply.\n", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoRecords_SaysSoAndStillFencesTheCurrentTextFirst()
    {
        var prompt = ReflectionPrompt.Build("system.sbn", "Be brief.\n", [], []);

        Assert.Contains("No examples were recorded", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("### Example", prompt, StringComparison.Ordinal);
        Assert.Equal("Be brief.", ReflectionReply.Parse(prompt, null).Text);
    }

    [Fact]
    public void Build_CustomTemplate_RendersItsVariables()
    {
        const string Template = "{{ component }}|{{ current_text }}|{{ for e in examples }}{{ e.case_id }}={{ e.score }};{{ end }}|{{ for r in rejected }}{{ r.summary }}{{ end }}";

        var prompt = ReflectionPrompt.Build("task.sbn", "T", Records[..2], [new RejectedEdit("p", "task.sbn", "S")], Template);

        Assert.Equal("task.sbn|T|first=0;second=0;|S", prompt);
    }

    [Fact]
    public void Build_BrokenCustomTemplate_ThrowsInputError()
    {
        var error = Assert.Throws<InputException>(() => ReflectionPrompt.Build("task.sbn", "T", Records, [], "{{ for x in examples }}"));

        Assert.Contains("reflection template for task.sbn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_AnsweredByTheSimulator_YieldsCurrentTextPlusGuidelineNamingTheMostFrequentCue()
    {
        using var client = ModelFactory.Create(ModelUri.Parse("sim"), new ModelOptions());
        var prompt = ReflectionPrompt.Build(
            "system.sbn",
            ReflectionFixtures.System,
            Records,
            [new RejectedEdit("p1", "system.sbn", "+1 -0 lines\n+ - Keep the answer short.")]);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], cancellationToken: TestContext.Current.CancellationToken);
        var outcome = ReflectionReply.Parse(response.Text, response.FinishReason);

        Assert.Null(outcome.Problem);
        var current = ReflectionFixtures.System.Split('\n');
        var proposed = outcome.Text!.Split('\n');
        Assert.Equal(current, proposed[..^1]);
        var guideline = proposed[^1];
        Assert.True(CueMatcher.Covers(guideline, "empty_list"), guideline);
        var normalized = CueMatcher.Normalize(guideline);
        Assert.True(normalized.IndexOf("empty list", StringComparison.Ordinal) < normalized.IndexOf("negative", StringComparison.Ordinal), guideline);
    }
}
