using System.CommandLine;
using System.Globalization;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve deploy A --version N</c>: point a channel at an existing library version.</summary>
internal static class DeployVerb
{
    public static Command Create(CliContext context)
    {
        var agent = new Argument<string>("agent") { Description = "Agent name (folder under prompts/)" };
        var version = new Option<int>("--version") { Description = "Library version to deploy", Required = true };
        var channel = LibraryVerb.ChannelOption("Channel to move");
        var paths = WorkspaceOptions.Create();
        var command = new Command("deploy", """
            Point the live (or canary) channel at an existing version; deploying live rewrites the
            agent's files. Hand edits to the live files are first kept as a 'manual' version.

            Examples:
              evolve deploy arith --version 1
              evolve deploy arith --version 2 --channel canary
            """);
        command.Arguments.Add(agent);
        command.Options.Add(version);
        command.Options.Add(channel.Option);
        paths.AddTo(command);
        command.SetAction(parse => LibraryVerb.Guard(context, () =>
        {
            var name = parse.GetValue(agent)!;
            var library = LibraryVerb.Open(paths.Resolve(parse, context), context);
            var entry = library.Deploy(name, parse.GetValue(version), channel.GetValue(parse), actor: "evolve deploy");
            context.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"deployed {name} version {entry.To} to {LibraryVerb.Name(entry.Channel)} (was {LibraryVerb.Version(entry.From)}, generation {entry.Generation})"));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
