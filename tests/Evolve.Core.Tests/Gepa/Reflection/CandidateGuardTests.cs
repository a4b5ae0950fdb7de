using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Reflection;

namespace Evolve.Core.Tests.Gepa.Reflection;

public sealed class CandidateGuardTests
{
    private const string Reference = "def clamp(x, lo, hi):\n    if lo > hi:\n        raise ValueError('lo must not exceed hi')\n    return max(lo, min(x, hi))";

    private static GuardContext Context(IReadOnlySet<string>? existing = null, GuardOptions? options = null) =>
        new(ReflectionFixtures.Profile, ReflectionFixtures.Seed(), existing ?? new HashSet<string>(), [Reference, "  "], options);

    private static Dictionary<string, string> Child(string component, string text)
    {
        var child = ReflectionFixtures.Seed();
        child[component] = text;
        return child;
    }

    [Fact]
    public void Check_ReasonableEdit_HasNoProblems()
    {
        var child = Child("system.sbn", ReflectionFixtures.System + "\n- Handle an empty list and negative numbers.");

        Assert.Empty(CandidateGuard.Check(Context(), child));
    }

    [Fact]
    public void Check_TemplateDropsAVariable_NamesComponentAndVariable()
    {
        var problems = CandidateGuard.Check(Context(), Child("task.sbn", "Implement `{{ signature }}`."));

        var problem = Assert.Single(problems);
        Assert.StartsWith("task.sbn: ", problem, StringComparison.Ordinal);
        Assert.Contains("'task'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TemplateDoesNotParse_ReportsLine()
    {
        var problems = CandidateGuard.Check(Context(), Child("task.sbn", "Implement {{ signature }}\n{{ task }}\n{{ if }}"));

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.StartsWith("task.sbn: line 3:", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_TemplateReadsAVariableTheSamplesLack_FailsToRender()
    {
        var problems = CandidateGuard.Check(Context(), Child("task.sbn", ReflectionFixtures.Task + "{{ language }}"));

        Assert.Contains(problems, p => p.StartsWith("task.sbn:", StringComparison.Ordinal) && p.Contains("language", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_KnobOutOfRange_IsReported()
    {
        var yaml = ReflectionFixtures.HeuristicsYaml.Replace("value: 0.2", "value: 2.5", StringComparison.Ordinal);

        var problem = Assert.Single(CandidateGuard.Check(Context(), Child("heuristics.yaml", yaml)));

        Assert.StartsWith("heuristics.yaml: temperature.value:", problem, StringComparison.Ordinal);
        Assert.Contains("outside [0, 1.5]", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KnobRangeWidened_IsReported()
    {
        var yaml = ReflectionFixtures.HeuristicsYaml.Replace("max: 1.5, value: 0.2", "max: 3, value: 2.5", StringComparison.Ordinal);

        var problem = Assert.Single(CandidateGuard.Check(Context(), Child("heuristics.yaml", yaml)));

        Assert.Equal("heuristics.yaml: the knob 'temperature' changed its declared range.", problem);
    }

    [Fact]
    public void Check_KnobTypeChangedOrRemoved_IsReported()
    {
        var yaml = ReflectionFixtures.HeuristicsYaml
            .Replace("max_steps: { type: int, min: 1, max: 20, value: 6 }", "max_steps: { type: float, min: 1, max: 20, value: 6 }", StringComparison.Ordinal)
            .Replace("plan_first: { type: bool, value: false }\n", "", StringComparison.Ordinal);

        var problems = CandidateGuard.Check(Context(), Child("heuristics.yaml", yaml));

        Assert.Equal(
            ["heuristics.yaml: the knob 'plan_first' is missing.", "heuristics.yaml: the knob 'max_steps' changed type from int to float."],
            problems);
    }

    [Fact]
    public void Check_GrowthOverTheCap_IsReported()
    {
        // The seed system text is short, so the 1,500-character allowance applies, not 20%.
        var allowed = ReflectionFixtures.System.Length + 1_500;
        var within = Child("system.sbn", ReflectionFixtures.System + new string('a', 1_500));
        var over = Child("system.sbn", ReflectionFixtures.System + new string('a', 1_501));

        Assert.Empty(CandidateGuard.Check(Context(), within));
        var problem = Assert.Single(CandidateGuard.Check(Context(), over));
        Assert.Equal($"system.sbn: grew from {ReflectionFixtures.System.Length} to {allowed + 1} characters, over the allowed {allowed}.", problem);
    }

    [Fact]
    public void AllowedLength_LongSeed_UsesTwentyPercentAndTheAbsoluteCap()
    {
        var options = new GuardOptions();

        Assert.Equal(10_000 + 2_000, options.AllowedLength(10_000));
        Assert.Equal(100 + 1_500, options.AllowedLength(100));
        Assert.Equal(15_000, options.AllowedLength(14_000));
    }

    [Fact]
    public void Check_OverTheAbsoluteSize_IsReported()
    {
        var options = new GuardOptions { MaxComponentChars = 400 };

        var problem = Assert.Single(CandidateGuard.Check(Context(options: options), Child("system.sbn", new string('a', 401))));

        Assert.Equal("system.sbn: 401 characters is over the cap of 400.", problem);
    }

    [Fact]
    public void Check_CopiedReferenceAnswer_IsReported()
    {
        var problem = Assert.Single(CandidateGuard.Check(Context(), Child("system.sbn", ReflectionFixtures.System + "\nFor example:\n" + Reference)));

        Assert.StartsWith("system.sbn: copies a training reference answer verbatim", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CopiedLineOfReferenceAnswer_IsReported()
    {
        var problem = Assert.Single(CandidateGuard.Check(Context(), Child("system.sbn", ReflectionFixtures.System + "\nAlways raise ValueError('lo must not exceed hi').")));

        Assert.Equal("system.sbn: copies a line of a training reference answer verbatim (\"raise ValueError('lo must not exceed hi')\").", problem);
    }

    [Fact]
    public void Check_ShortCommonLine_IsNotCopying()
    {
        Assert.Empty(CandidateGuard.Check(Context(), Child("system.sbn", ReflectionFixtures.System + "\nreturn max(lo, min(x, hi))")));
    }

    [Fact]
    public void Check_DuplicateOfExistingCandidate_IsReported()
    {
        var child = Child("system.sbn", ReflectionFixtures.System + "\n- Handle an empty list.");
        var existing = new HashSet<string> { Candidate.ComputeId(child) };

        var problem = Assert.Single(CandidateGuard.Check(Context(existing), child));

        Assert.Equal($"the child is identical to the existing candidate {Candidate.ComputeId(child)[..12]}.", problem);
    }

    [Fact]
    public void Check_MissingOrUnknownComponent_IsReported()
    {
        var child = ReflectionFixtures.Seed();
        child.Remove("task.sbn");
        child["extra.md"] = "hello";

        Assert.Equal(["task.sbn: the component is missing.", "extra.md: the seed has no such component."], CandidateGuard.Check(Context(), child));
    }

    [Fact]
    public void GuardContext_InvalidOptions_ListsEveryProblemOnce()
    {
        var options = new GuardOptions { MaxGrowthFraction = -1, MaxComponentChars = 0, MinCopiedLineChars = 0 };

        var error = Assert.Throws<ArgumentException>(() => Context(options: options));

        Assert.Equal(
            "Invalid guard options: MaxGrowthFraction must be 0 or more (was -1); MaxComponentChars must be 1 or more (was 0); MinCopiedLineChars must be 1 or more (was 0).",
            error.Message);
    }
}
