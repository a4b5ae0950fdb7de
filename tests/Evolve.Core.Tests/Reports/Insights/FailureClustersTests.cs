using Evolve.Core.Reports.Insights;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Reports.Insights;

public sealed class FailureClustersTests
{
    private static readonly string[] _lists = ["[]", "[ ]", "list()", "[] * 0", "empty", "nums[:0]", "xs", "[][:]", "data", "values"];

    // Shaped like the python-tests scorer's feedback and the JSON assertion's.
    private static List<FailureText> TwoFamilies()
    {
        var failures = new List<FailureText>();
        for (var i = 0; i < 10; i++)
        {
            failures.Add(new FailureText($"cand-{i % 3}", $"sum_{i}", $"1 of {i + 3} hidden tests failed: test_empty_list: IndexError: list index out of range when called with {_lists[i]}"));
            failures.Add(new FailureText($"cand-{i % 2}", $"json_{i}", $"expected valid JSON but parsing stopped at position {i * 7}: unexpected token '{(char)('a' + i)}' in the answer"));
        }

        return failures;
    }

    [Fact]
    public void Find_TwoFailureFamilies_TwoClustersWithRightMembersAndLabels()
    {
        var clusters = FailureClusters.Find(TwoFamilies());

        Assert.Equal(2, clusters.Count);
        var empty = Assert.Single(clusters, c => c.CaseIds.Any(id => id.StartsWith("sum_", StringComparison.Ordinal)));
        var json = Assert.Single(clusters, c => c.CaseIds.Any(id => id.StartsWith("json_", StringComparison.Ordinal)));
        Assert.Equal(10, empty.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"sum_{i}"), empty.CaseIds);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"json_{i}"), json.CaseIds);
        Assert.Equal(["cand-0", "cand-1", "cand-2"], empty.CandidateIds);
        Assert.Equal(["cand-0", "cand-1"], json.CandidateIds);
        Assert.Contains("test_empty_list", empty.Terms);
        Assert.Contains("json", json.Terms);
        Assert.Contains("test_empty_list", empty.Label, StringComparison.Ordinal);
        Assert.DoesNotContain("json", empty.Terms);
        Assert.InRange(empty.Terms.Count, 1, FailureClusterDefaults.LabelTerms);
    }

    [Fact]
    public void Find_Examples_UpToThreeShortestDistinctTexts()
    {
        var json = FailureClusters.Find(TwoFamilies()).Single(c => c.Terms.Contains("json"));

        Assert.Equal(3, json.Examples.Count);
        Assert.Equal(json.Examples.OrderBy(e => e.Length), json.Examples);
        Assert.Equal(3, json.Examples.Distinct().Count());
        Assert.All(json.Examples, e => Assert.StartsWith("expected valid JSON", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Find_SameInputTwice_SameClusters()
    {
        var first = FailureClusters.Find(TwoFamilies(), new FailureClusterOptions { Seed = 7 });
        var second = FailureClusters.Find(TwoFamilies(), new FailureClusterOptions { Seed = 7 });

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Find_InputReversed_SameClusters()
    {
        var reversed = TwoFamilies();
        reversed.Reverse();

        Assert.Equal(Describe(FailureClusters.Find(TwoFamilies())), Describe(FailureClusters.Find(reversed)));
    }

    [Fact]
    public void Find_NoFailures_Empty()
    {
        Assert.Empty(FailureClusters.Find([]));
    }

    [Fact]
    public void Find_SingleFailure_OneClusterWithItsWords()
    {
        var cluster = Assert.Single(FailureClusters.Find([new FailureText("c1", "case-1", "expected the answer to contain 'Paris', but it does not.")]));

        Assert.Equal(1, cluster.Count);
        Assert.Equal(["case-1"], cluster.CaseIds);
        Assert.Equal(["c1"], cluster.CandidateIds);
        Assert.Equal(["expected the answer to contain 'Paris', but it does not."], cluster.Examples);
        Assert.Contains("paris", cluster.Terms);
    }

    [Fact]
    public void Find_IdenticalFeedback_OneCluster()
    {
        var failures = Enumerable.Range(0, 25).Select(i => new FailureText("c1", $"case-{i % 5}", "expected valid JSON: unexpected token")).ToList();

        var cluster = Assert.Single(FailureClusters.Find(failures));

        Assert.Equal(25, cluster.Count);
        Assert.Equal(5, cluster.CaseIds.Count);
        Assert.Equal(["expected valid JSON: unexpected token"], cluster.Examples);
    }

    [Fact]
    public void Find_FeedbackWithoutWords_OneUnlabelledCluster()
    {
        var cluster = Assert.Single(FailureClusters.Find([new FailureText("c", "a", "42"), new FailureText("c", "b", string.Empty)]));

        Assert.Equal("(no text)", cluster.Label);
        Assert.Equal(2, cluster.Count);
    }

    [Fact]
    public void Find_FiveThousandFailures_CompletesWithEveryFailureCounted()
    {
        var families = new[] { "test_empty_list: IndexError list index out of range", "expected valid JSON: unexpected token", "expected the number {0} but got {1}", "timed out after {0} seconds in the sandbox" };
        var failures = Enumerable.Range(0, 5000)
            .Select(i => new FailureText($"c{i % 7}", $"case-{i % 300}", string.Format(System.Globalization.CultureInfo.InvariantCulture, families[i % 4], i, i % 13) + $" (attempt {i})"))
            .ToList();

        // Every text is distinct, so k-means trains on a sample of 1000 and then places all 5000.
        var clusters = FailureClusters.Find(failures, new FailureClusterOptions { MaxInputs = 1000 });

        Assert.Equal([1250, 1250, 1250, 1250], clusters.Select(c => c.Count));
        foreach (var cluster in clusters)
        {
            var family = families.Single(f => cluster.Examples[0].StartsWith(f[..12], StringComparison.Ordinal));
            Assert.All(cluster.Examples, e => Assert.StartsWith(family[..12], e, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Find_InvalidOptions_OneErrorListingEveryProblem()
    {
        var error = Assert.Throws<InputException>(() => FailureClusters.Find([], new FailureClusterOptions { MaxClusters = 0, MaxInputs = 5 }));

        Assert.Equal(["MaxClusters: must be at least 1, not 0", "MaxInputs: must be at least 10, not 5"], error.Errors.Select(e => $"{e.Field}: {e.Message}"));
    }

    private static List<string> Describe(IReadOnlyList<FailureCluster> clusters) =>
        clusters.Select(c => $"{c.Label}|{c.Count}|{string.Join(',', c.CaseIds)}|{string.Join(',', c.Examples)}").ToList();
}
