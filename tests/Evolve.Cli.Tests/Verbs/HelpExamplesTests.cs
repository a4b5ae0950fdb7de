using System.CommandLine;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>
/// Every example in every verb's help parses, and the suites, agents and prompt files it names
/// ship with the repository, so an example works when copied into a clone.
/// </summary>
public sealed class HelpExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, Workspace.RepoRoot, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        var data = new TheoryData<string>();
        foreach (var line in HelpExample.All(EvolveApp.CreateRoot(context)))
        {
            data.Add(line);
        }

        return data;
    }

    [Fact]
    public void Examples_EveryVerbWithSubcommandsOrOptions_HasSome()
    {
        Assert.True(Examples().Count >= 20, $"only {Examples().Count} examples found");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ParsesAndNamesWhatShips(string line)
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, Workspace.RepoRoot, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        var tokens = HelpExample.Tokens(line);
        var parsed = EvolveApp.CreateRoot(context).Parse(tokens[1..]);

        Assert.Empty(parsed.Errors.Select(e => e.Message));
        foreach (var problem in HelpExample.MissingNames(tokens, Workspace.RepoRoot))
        {
            Assert.Fail($"{line}: {problem}");
        }
    }
}
