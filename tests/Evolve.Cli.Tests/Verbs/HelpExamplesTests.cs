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

    public static TheoryData<string> ImportExamples()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, Workspace.RepoRoot, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        return [.. HelpExample.All(EvolveApp.CreateRoot(context)).Where(line => line.StartsWith("evolve suite import ", StringComparison.Ordinal))];
    }

    /// <summary>Imports are quick, so each is run for real in a copy of the shipped workspace, and the suite it writes is evaluated.</summary>
    [Theory]
    [MemberData(nameof(ImportExamples))]
    public async Task Example_SuiteImport_WorksWhenCopied(string line)
    {
        using var dir = Workspace.CopyShipped();
        var tokens = HelpExample.Tokens(line);
        var input = tokens[4];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir.Path, input))!);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(Path.Combine(Workspace.RepoRoot, input))!))
        {
            File.Copy(file, Path.Combine(dir.Path, Path.GetDirectoryName(input)!, Path.GetFileName(file)));
        }

        var imported = await CliRun.InvokeAsync(dir.Path, tokens[1..]);
        Assert.True(imported.ExitCode == 0, imported.Error);
        // The command the import printed last: the offline one when the config's providers need keys.
        var suggested = imported.Out.Trim().Split(": evolve ")[^1];
        var evaluated = await CliRun.InvokeAsync(dir.Path, HelpExample.Tokens("evolve " + suggested)[1..]);

        Assert.True(evaluated.ExitCode == 0, evaluated.Error);
    }
}
