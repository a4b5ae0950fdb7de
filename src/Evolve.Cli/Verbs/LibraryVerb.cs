using System.CommandLine;
using System.Globalization;
using Evolve.Core.Promotion;
using Evolve.Core.Reports;
using Evolve.Core.Workspace;
using Evolve.Kernel;
using Evolve.Kernel.Library;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve library list|show|diff|history</c>, and what the deploy, rollback and promote verbs share.</summary>
internal static class LibraryVerb
{
    public static Command Create(CliContext context)
    {
        var command = new Command("library", """
            Read the live library: agents and channels, versions, diffs and the ledger.

            Examples:
              evolve library list
              evolve library history arith
              evolve library diff arith 1 2
            """);
        command.Subcommands.Add(Sub(context, "list", "Agents with their live and canary versions.", [], (lib, paths, _) => List(context, lib, paths)));
        var agent = new Argument<string>("agent") { Description = "Agent name (folder under prompts/)" };
        var version = new Option<int?>("--version") { Description = "Version to show (default: live)" };
        command.Subcommands.Add(Sub(context, "show", "A version's metadata and files.", [agent, version], (lib, _, parse) => Show(context, lib, parse.GetValue(agent)!, parse.GetValue(version))));
        var from = new Argument<int>("from") { Description = "Older version" };
        var to = new Argument<int>("to") { Description = "Newer version" };
        command.Subcommands.Add(Sub(context, "diff", "A line diff between two versions.", [agent, from, to], (lib, _, parse) =>
        {
            var diff = lib.Diff(parse.GetValue(agent)!, parse.GetValue(from), parse.GetValue(to));
            context.Out.Write(diff.Length == 0 ? "(no differences)" + Environment.NewLine : diff);
        }));
        command.Subcommands.Add(Sub(context, "history", "Versions with operator, run, candidate and evidence, then the ledger.", [agent], (lib, _, parse) => History(context, lib, parse.GetValue(agent)!)));
        return command;
    }

    public static ChoiceOption<LibraryChannel> ChannelOption(string description) =>
        new("--channel", description, "live", [("live", LibraryChannel.Live), ("canary", LibraryChannel.Canary)]);

    public static string Name(LibraryChannel? channel) => channel?.ToString().ToLowerInvariant() ?? "-";

    public static string Version(int? version) => version?.ToString(CultureInfo.InvariantCulture) ?? "none";

    public static PromptLibrary Open(WorkspacePaths paths, CliContext context) => Directory.Exists(paths.Prompts)
        ? new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = paths.Prompts, TimeProvider = context.Dependencies.Time, OnLockWait = context.Error.WriteLine })
        : throw new InputException(paths.Prompts, null, null, "the prompts folder does not exist");

    /// <summary>A library refusal is one line: another writer (exit 3) or a move that makes no sense (exit 2).</summary>
    public static int Guard(CliContext context, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (LibraryConflictException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.SystemicFailure;
        }
        catch (InvalidOperationException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static Command Sub(CliContext context, string name, string description, Symbol[] symbols, Action<PromptLibrary, WorkspacePaths, ParseResult> action)
    {
        var paths = WorkspaceOptions.Create();
        var command = new Command(name, description);
        foreach (var argument in symbols.OfType<Argument>())
        {
            command.Arguments.Add(argument);
        }

        foreach (var option in symbols.OfType<Option>())
        {
            command.Options.Add(option);
        }

        paths.AddTo(command);
        command.SetAction(parse => Guard(context, () =>
        {
            var resolved = paths.Resolve(parse, context);
            action(Open(resolved, context), resolved, parse);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void List(CliContext context, PromptLibrary library, WorkspacePaths paths)
    {
        context.Out.WriteLine($"{"agent",-16} {"live",6} {"canary",7} {"share",6} {"versions",9}");
        foreach (var agent in Directory.EnumerateDirectories(paths.Prompts).Where(d => File.Exists(Path.Combine(d, "agent.yaml"))).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            try
            {
                var channels = library.Channels(agent!);
                context.Out.WriteLine(channels is null
                    ? $"{agent,-16} {"-",6} {"-",7} {"-",6} {0,9}  (not yet initialized: the live files are version 1 at the first write)"
                    : string.Create(CultureInfo.InvariantCulture, $"{agent,-16} {channels.Live.Version,6} {Version(channels.Canary.Version).Replace("none", "-", StringComparison.Ordinal),7} {Share(channels),6} {library.History(agent!).Count,9}"));
            }
            catch (InputException ex)
            {
                context.Out.WriteLine($"{agent,-16} (invalid: {ex.Errors[0]})");
            }
        }
    }

    /// <summary>The canary's share of requests; "-" with no canary, where a share would route nothing.</summary>
    private static string Share(Evolve.Kernel.Library.ChannelState channels) =>
        channels.Canary.Version is null ? "-" : channels.CanaryShare.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Show(CliContext context, PromptLibrary library, string agent, int? version)
    {
        var channels = library.Channels(agent);
        var number = version ?? channels?.Live.Version ?? throw new InputException(agent, null, "--version", $"'{agent}' has no library history yet; its live files are in prompts/{agent}/");
        var snapshot = library.Show(agent, number);
        var m = snapshot.Metadata;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{agent} version {m.Version}  sha256 {m.Sha256[..12]}  operator {m.Operator}  created {m.CreatedAt:u}"));
        context.Out.WriteLine($"parents {(m.Parents.Count == 0 ? "-" : string.Join(", ", m.Parents))}  run {m.RunId ?? "-"}  candidate {(m.CandidateId is { } mc ? ShortId.Of(mc) : "-")}");
        context.Out.WriteLine($"evidence {EvidenceSummary.Format(m.Evidence)}");
        foreach (var (gate, outcome) in m.Gates ?? [])
        {
            context.Out.WriteLine($"gate {gate,-9} {(outcome?["passed"]?.GetValue<bool>() == true ? "pass" : "FAIL")}  {outcome?["detail"]}");
        }
        foreach (var (file, text) in snapshot.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            context.Out.WriteLine($"--- {file} ---");
            context.Out.Write(text.EndsWith('\n') ? text : text + Environment.NewLine);
        }
    }

    private static void History(CliContext context, PromptLibrary library, string agent)
    {
        var channels = library.Channels(agent);
        if (channels is null)
        {
            context.Out.WriteLine($"{agent}: no library history yet; the live files become version 1 at the first promote or deploy");
            return;
        }

        context.Out.WriteLine($"{agent}: live version {channels.Live.Version} (generation {channels.Live.Generation}), canary {Version(channels.Canary.Version)} (generation {channels.Canary.Generation})");
        foreach (var v in library.History(agent))
        {
            var marks = (v.Version == channels.Live.Version ? " [live]" : "") + (v.Version == channels.Canary.Version ? " [canary]" : "");
            context.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"v{v.Version,-3} {v.Operator,-10} {v.CreatedAt:u}  run {v.RunId ?? "-"}  candidate {(v.CandidateId is { } vc ? ShortId.Of(vc) : "-")}  evidence {EvidenceSummary.Format(v.Evidence)}{marks}"));
        }

        context.Out.WriteLine("ledger:");
        foreach (var e in library.Ledger(agent))
        {
            context.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{e.Seq,4} {e.Time:u} {e.Action.ToString().ToLowerInvariant(),-11} {Name(e.Channel),-6} {(e.From is null ? "" : $"{e.From} -> ")}{Version(e.To)}  gen {e.Generation?.ToString(CultureInfo.InvariantCulture) ?? "-"}  by {e.Actor}{(e.Note is null ? "" : $"  ({e.Note})")}"));
        }
    }
}
