using Evolve.Core.Gepa.Reflection;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Tests.Gepa.Reflection;

public sealed class LineageLessonsTests
{
    private static ReflectiveRecord Passing(string caseId) => ReflectionFixtures.FailingRecord(caseId, "ok") with { Score = 1 };

    [Fact]
    public void With_KeepsOnlyFailuresWithTheirFirstLineAndHints()
    {
        var lessons = LineageLessons.None.With(
            [ReflectionFixtures.FailingRecord("a", "\nFAILED test_empty: IndexError\nmore detail\nHints: empty list; negative"), Passing("b")], 8);

        var lesson = Assert.Single(lessons.Items);
        Assert.Equal(new Lesson("a", "FAILED test_empty: IndexError", "Hints: empty list; negative"), lesson);
    }

    [Fact]
    public void With_ACaseSeenAgain_KeepsItsNewestLessonLast()
    {
        var first = LineageLessons.None.With([ReflectionFixtures.FailingRecord("a", "old"), ReflectionFixtures.FailingRecord("b", "b fails")], 8);

        var second = first.With([ReflectionFixtures.FailingRecord("a", "new")], 8);

        Assert.Equal(["b", "a"], second.Items.Select(l => l.CaseId));
        Assert.Equal("new", second.Items[^1].Summary);
        Assert.Equal(2, first.Items.Count);
    }

    [Fact]
    public void With_OverTheCap_DropsTheOldest()
    {
        var lessons = LineageLessons.None;
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            lessons = lessons.With([ReflectionFixtures.FailingRecord(id, id)], 3);
        }

        Assert.Equal(["b", "c", "d"], lessons.Items.Select(l => l.CaseId));
        Assert.Empty(lessons.With([ReflectionFixtures.FailingRecord("e", "e")], 0).Items);
    }

    [Fact]
    public void Merge_TakesBothLineagesEachCaseOnce()
    {
        var a = LineageLessons.None.With([ReflectionFixtures.FailingRecord("x", "x in a"), ReflectionFixtures.FailingRecord("y", "y")], 8);
        var b = LineageLessons.None.With([ReflectionFixtures.FailingRecord("x", "x in b"), ReflectionFixtures.FailingRecord("z", "z")], 8);

        var merged = a.Merge(b, 8);

        Assert.Equal(["y", "x", "z"], merged.Items.Select(l => l.CaseId));
        Assert.Equal("x in b", merged.Items[1].Summary);
    }

    [Fact]
    public void Build_WithLessons_ListsThoseOfCasesNotShownAsExamples()
    {
        var lessons = LineageLessons.None.With(
            [ReflectionFixtures.FailingRecord("first", "shown already"), ReflectionFixtures.FailingRecord("older", "FAILED test_unicode\nHints: unicode letters")], 8);

        var prompt = ReflectionPrompt.Build("system.sbn", ReflectionFixtures.System, [ReflectionFixtures.FailingRecord("first", "FAILED test_x")], [], null, lessons);

        Assert.Contains("## Earlier failures of this text's lineage", prompt, StringComparison.Ordinal);
        Assert.Contains("- case `older`: FAILED test_unicode\n  Hints: unicode letters\n", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("shown already", prompt, StringComparison.Ordinal);
        Assert.True(prompt.IndexOf("## Earlier failures", StringComparison.Ordinal) < prompt.IndexOf("## Your task", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithoutLessons_HasNoLessonSection()
    {
        var prompt = ReflectionPrompt.Build("system.sbn", ReflectionFixtures.System, [ReflectionFixtures.FailingRecord("first", "FAILED test_x")], []);

        Assert.DoesNotContain("Earlier failures", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_LessonThatRecurs_IsWhatTheSimulatorsGuidelineNames()
    {
        // The minibatch alone names "negative" first; two earlier failures of the lineage name "unicode letters".
        var records = new[] { ReflectionFixtures.FailingRecord("now", "FAILED test_negative: wrong sign") };
        var lessons = LineageLessons.None.With(
            [ReflectionFixtures.FailingRecord("old1", "FAILED test_unicode_letters\nHints: unicode letters"), ReflectionFixtures.FailingRecord("old2", "FAILED test_unicode_letters\nHints: unicode letters")], 8);
        using var client = ModelFactory.Create(ModelUri.Parse("sim"), new ModelOptions());

        var prompt = ReflectionPrompt.Build("system.sbn", ReflectionFixtures.System, records, [], null, lessons);
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], cancellationToken: TestContext.Current.CancellationToken);

        var guideline = ReflectionReply.Parse(response.Text, response.FinishReason).Text!.Split('\n')[^1];
        Assert.True(CueMatcher.Covers(guideline, "unicode letters"), guideline);
    }
}
