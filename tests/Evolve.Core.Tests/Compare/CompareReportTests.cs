using System.Text.RegularExpressions;
using Evolve.Core.Compare;
using Evolve.Core.Evaluation;

namespace Evolve.Core.Tests.Compare;

public sealed partial class CompareReportTests
{
    private static async Task<CompareResult> CarefulAgainstLive(TempDirectory dir, int repeat = 2, bool mixed = false) =>
        await new CompareJob(CompareWorkspace.Dependencies(mixed ? CompareWorkspace.MixedModel() : CompareWorkspace.Model())).RunAsync(
            CompareWorkspace.Options(dir, "calc@live", "careful.sbn") with { Repeat = repeat },
            new EvaluationProgress(),
            _ => { },
            TestContext.Current.CancellationToken);

    /// <summary>The run id and the temp folder change from run to run; everything else is fixed by the scripted model.</summary>
    private static string Mask(string text, CompareResult result, TempDirectory dir) =>
        text.Replace(result.Run.Id, "<run-id>", StringComparison.Ordinal).Replace(dir.Path, "<workspace>", StringComparison.Ordinal);

    private static string Expected(string name) =>
        File.ReadAllText(Path.Combine(RepoRoot(), "tests", "Evolve.Core.Tests", "Compare", "Expected", name)).ReplaceLineEndings("\n");

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Evolve.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no Evolve.sln above the test binaries");
    }

    [Fact]
    public async Task Markdown_MixedOutcomes_MatchesTheExpectedFile()
    {
        using var dir = CompareWorkspace.Create();
        var result = await CarefulAgainstLive(dir, mixed: true);

        var markdown = File.ReadAllText(Path.Combine(result.RunDirectory, "compare.md"));

        Assert.Equal(Expected("compare-calc.md"), Mask(markdown, result, dir));
    }

    [Fact]
    public async Task Html_CarefulAgainstLive_IsSelfContainedWithBothChartsAndTheDiff()
    {
        using var dir = CompareWorkspace.Create();
        var result = await CarefulAgainstLive(dir);

        var html = File.ReadAllText(Path.Combine(result.RunDirectory, "compare.html"));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"banner\">model: sim (offline simulator, scores are synthetic)</p>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"verdict\" data-verdict=\"BBetter\"><span class=\"good\">careful.sbn is better than calc@live.</span></div>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<svg data-chart=\"case-differences\""));
        Assert.Single(Regex.Matches(html, "<svg data-chart=\"difference-interval\""));
        // One bar per case, each green (B higher by 1 on all 8).
        var bars = Regex.Matches(html, "<rect [^>]*fill=\"#1a7f37\"><title>s\\d: \\+1\\.000</title>");
        Assert.Equal(8, bars.Count);
        Assert.Contains("<td>McNemar exact p (pass/fail)</td><td>0.008 (calc@live pass careful.sbn fail 0, calc@live fail careful.sbn pass 8)</td>", html, StringComparison.Ordinal);
        Assert.Contains("Compute carefully", html, StringComparison.Ordinal);
        Assert.Contains("class=\"del\"", html, StringComparison.Ordinal);
        // Nothing is fetched: no external sources, links or scripts.
        Assert.DoesNotMatch(ExternalReference(), html);
    }

    [Fact]
    public async Task Html_PromptTextWithMarkup_IsEscaped()
    {
        using var dir = CompareWorkspace.Create();
        dir.Write("careful.sbn", CompareWorkspace.Careful + "\n<script>alert(1)</script>");
        var result = await CarefulAgainstLive(dir, repeat: 1);

        var html = File.ReadAllText(result.Reports[1]);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_CarefulAgainstLive_HasModelLineTableStatisticsAndVerdict()
    {
        using var dir = CompareWorkspace.Create();
        var result = await CarefulAgainstLive(dir);
        using var writer = new StringWriter();

        Evolve.Core.Reports.Compare.CompareText.Write(result, writer);

        var lines = writer.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("model: sim (offline simulator, scores are synthetic)", lines[0]);
        Assert.Equal("baseline:   calc@live — " + result.A.Source + ", candidate " + result.A.Candidate.ShortId, lines[1]);
        Assert.Equal("challenger: careful.sbn — " + result.B.Source + ", candidate " + result.B.Candidate.ShortId, lines[2]);
        Assert.Contains("case  calc@live mean  careful.sbn mean     diff  pass calc@live/careful.sbn", lines);
        Assert.Contains("s1             0.000             1.000   +1.000  fail/pass", lines);
        Assert.Contains("paired bootstrap interval               95% CI [+1.000, +1.000]", lines);
        Assert.Contains("wins / ties / losses for careful.sbn    8 / 0 / 0", lines);
        Assert.Contains("verdict: careful.sbn is better than calc@live.", lines);
    }

    [GeneratedRegex("(src|href)=\"(https?:)?//|<script[^>]*src=|@import|url\\(", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
