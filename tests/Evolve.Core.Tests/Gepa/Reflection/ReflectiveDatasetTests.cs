using Evolve.Core.Gepa.Reflection;

namespace Evolve.Core.Tests.Gepa.Reflection;

public sealed class ReflectiveDatasetTests
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, object?>> Vars = new()
    {
        ["a"] = new Dictionary<string, object?> { ["signature"] = "def a(x)", ["task"] = "line one\nline two", ["n"] = 3L },
        ["b"] = new Dictionary<string, object?> { ["signature"] = "def b(x)" },
        ["c"] = new Dictionary<string, object?> { ["signature"] = "def c(x)" },
    };

    [Fact]
    public void FromRollouts_MixedScores_PutsFailuresFirstLowestScoreFirst()
    {
        var rollouts = new[] { ReflectionFixtures.Rollout("a", 1.0), ReflectionFixtures.Rollout("b", 0.5), ReflectionFixtures.Rollout("c", 0.0) };

        var records = ReflectiveDataset.FromRollouts(rollouts, Vars);

        Assert.Equal(["c", "b", "a"], records.Select(r => r.CaseId));
        Assert.Equal([0.0, 0.5, 1.0], records.Select(r => r.Score));
    }

    [Fact]
    public void FromRollouts_CaseVars_RendersInputsInNameOrderWithMultilineValuesOnTheirOwnLine()
    {
        var record = Assert.Single(ReflectiveDataset.FromRollouts([ReflectionFixtures.Rollout("a", 0)], Vars));

        Assert.Equal("n: 3\nsignature: def a(x)\ntask:\nline one\nline two", record.Inputs);
    }

    [Fact]
    public void FromRollouts_UnknownCase_SaysNoInputs()
    {
        var record = Assert.Single(ReflectiveDataset.FromRollouts([ReflectionFixtures.Rollout("zzz", 0)], Vars));

        Assert.Equal("(no inputs recorded)", record.Inputs);
    }

    [Fact]
    public void FromRollouts_LongTexts_AreCappedAndSayHowMuchWasLeftOut()
    {
        var output = new string('x', 5_000);
        var feedback = new string('f', 5_000) + "\nHints: empty list; negative numbers";
        var record = Assert.Single(ReflectiveDataset.FromRollouts([ReflectionFixtures.Rollout("a", 0, output, feedback)], Vars));

        Assert.StartsWith(new string('x', 1_500) + "\n... (3500 more characters left out)", record.Output, StringComparison.Ordinal);
        Assert.True(record.Output.Length < 1_600);
        Assert.True(record.Feedback.Length <= 2_100);
        Assert.Contains("Hints: empty list; negative numbers", record.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRollouts_ErrorWithoutOutput_ShowsTheError()
    {
        var record = Assert.Single(ReflectiveDataset.FromRollouts([ReflectionFixtures.Rollout("a", 0, output: "", error: "render failed: missing var")], Vars));

        Assert.Equal("(no output: render failed: missing var)", record.Output);
    }

    [Fact]
    public void FromRollouts_TraceWithToolTurns_DropsSystemAndFinalAnswerAndCaps()
    {
        var trace = """
            [{"role":"system","text":"You are a Python programmer."},
             {"role":"user","text":"Implement f"},
             {"role":"tool","text":"FAILED test_empty_list"},
             {"role":"assistant","text":"def f(): pass"}]
            """;
        var record = Assert.Single(ReflectiveDataset.FromRollouts([ReflectionFixtures.Rollout("a", 0, trace: trace)], Vars));

        Assert.Equal("[user] Implement f\n[tool] FAILED test_empty_list", record.Trace);
    }

    [Fact]
    public void FromRollouts_TraceOfTaskAndAnswerOnly_IsNull()
    {
        var trace = """[{"role":"system","text":"S"},{"role":"user","text":"U"},{"role":"assistant","text":"def f(): pass"}]""";
        var record = Assert.Single(ReflectiveDataset.FromRollouts([ReflectionFixtures.Rollout("a", 0, trace: trace)], Vars));

        Assert.Null(record.Trace);
    }

    [Fact]
    public void FromRollouts_MoreThanMax_KeepsTheFailures()
    {
        var rollouts = Enumerable.Range(0, 20).Select(i => ReflectionFixtures.Rollout($"p{i}", i % 2 == 0 ? 1.0 : 0.0)).ToList();

        var records = ReflectiveDataset.FromRollouts(rollouts, Vars, maxRecords: 10);

        Assert.Equal(10, records.Count);
        Assert.All(records, r => Assert.Equal(0.0, r.Score));
    }
}
