using System.CommandLine;
using System.Globalization;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve rollback A [--to N]</c>: move a channel back to the version it served before (or to N).</summary>
internal static class RollbackVerb
{
    public static Command Create(CliContext context)
    {
        var agent = new Argument<string>("agent") { Description = "Agent name (folder under prompts/)" };
        var to = new Option<int?>("--to") { Description = "Version to go back to (default: the one the channel served before the current one)" };
        var channel = LibraryVerb.ChannelOption("Channel to move back");
        var paths = WorkspaceOptions.Create();
        var command = new Command("rollback", """
            Move the live (or canary) channel back, by default to the version it served before.

            Examples:
              evolve rollback arith
              evolve rollback arith --to 1
            """);
        command.Arguments.Add(agent);
        command.Options.Add(to);
        command.Options.Add(channel.Option);
        paths.AddTo(command);
        command.SetAction(parse => LibraryVerb.Guard(context, () =>
        {
            var name = parse.GetValue(agent)!;
            var library = LibraryVerb.Open(paths.Resolve(parse, context), context);
            if (library.Channels(name) is null)
            {
                // Rolling back must not be the write that creates the history.
                context.Error.WriteLine($"error: '{name}' has no library history yet: no earlier version to roll back to");
                return ExitCodes.BadInput;
            }

            var entry = library.Rollback(name, parse.GetValue(to), "evolve rollback", channel.GetValue(parse));
            context.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"rolled back {name} {LibraryVerb.Name(entry.Channel)} from version {LibraryVerb.Version(entry.From)} to {entry.To} (generation {entry.Generation})"));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
