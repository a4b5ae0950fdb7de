using System.CommandLine;
using Evolve.Cli.Output;
using Evolve.Core.Workspace;
using Evolve.Kernel;

namespace Evolve.Cli.Verbs;

/// <summary>The <c>--evals</c>, <c>--prompts</c> and <c>--runs</c> folder overrides every verb shares.</summary>
internal sealed class WorkspaceOptions
{
    private readonly Option<string?> _evals = new("--evals") { Description = "Suites folder (default: evals/ of the nearest folder that has one)" };
    private readonly Option<string?> _prompts = new("--prompts") { Description = "Agents folder (default: prompts/ beside evals/)" };
    private readonly Option<string?> _runs = new("--runs") { Description = "Run output folder (default: runs/ beside evals/)" };

    public static WorkspaceOptions Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(_evals);
        command.Options.Add(_prompts);
        command.Options.Add(_runs);
    }

    public WorkspacePaths Resolve(ParseResult parse, CliContext context)
    {
        string? Full(Option<string?> option) => parse.GetValue(option) is { } p ? Path.GetFullPath(p, context.WorkingDirectory) : null;
        return WorkspacePaths.Resolve(context.WorkingDirectory, Full(_evals), Full(_prompts), Full(_runs));
    }

    /// <summary>The folder flags as given on the command line (for a command to print), quoted when they hold a space.</summary>
    public IEnumerable<string> Given(ParseResult parse)
    {
        foreach (var option in new[] { _evals, _prompts, _runs })
        {
            if (parse.GetValue(option) is { } value)
            {
                yield return $"{option.Name} {ShellWords.Quote(value)}";
            }
        }
    }

    /// <summary>The folders, when there are suites to read: outside a workspace, says so and how to point at one.</summary>
    public WorkspacePaths ForSuites(ParseResult parse, CliContext context)
    {
        var paths = Resolve(parse, context);
        Require(paths.Evals, "evals", parse.GetValue(_evals) is not null, context);
        return paths;
    }

    /// <summary>The folders, when there are agents to read (as <see cref="ForSuites"/>, for prompts/).</summary>
    public WorkspacePaths ForAgents(ParseResult parse, CliContext context)
    {
        var paths = Resolve(parse, context);
        Require(paths.Prompts, "prompts", parse.GetValue(_prompts) is not null, context);
        return paths;
    }

    /// <summary>The folders of a verb that reads suites and writes a run: the runs folder must be writable before anything starts.</summary>
    public WorkspacePaths ForRunning(ParseResult parse, CliContext context)
    {
        var paths = ForSuites(parse, context);
        WritableFolder.Check(paths.Runs, "--runs");
        return paths;
    }

    private static void Require(string folder, string name, bool given, CliContext context)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        throw given
            ? new InputException($"--{name}", null, null, $"folder {folder} does not exist")
            : new InputException(context.WorkingDirectory, null, null,
                $"no {name}/ folder here or in any folder above it; run evolve inside a workspace or pass --{name} DIR");
    }
}
