using System.Text;

namespace Evolve.Cli.Tests.Verbs;

public sealed class EvalTableTests
{
    [Fact]
    public async Task Eval_MoreFailingCasesThanRows_SaysHowManyAreHiddenAndWhere()
    {
        using var dir = SmallWorkspace.Create();
        var cases = new StringBuilder();
        for (var i = 0; i < 45; i++)
        {
            cases.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"- id: c{i:00}\n  vars: {{ country: France }}\n  expected: Paris\n  assert: [{{ type: equals, value: Paris }}]\n");
        }

        dir.Write("evals/qa/cases.yaml", cases.ToString());

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--model", "sim?competence=0");

        Assert.Equal(0, run.ExitCode);
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        Assert.Contains($"showing 40 of 45 failing cases; all are in {Path.Combine(folder, "report.html")} and in --format json",
            run.Out, StringComparison.Ordinal);
        Assert.Contains(" c39 ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" c40 ", run.Out, StringComparison.Ordinal);
    }
}
