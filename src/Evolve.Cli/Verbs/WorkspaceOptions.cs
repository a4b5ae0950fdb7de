using System.CommandLine;
using Evolve.Core.Workspace;

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
}
