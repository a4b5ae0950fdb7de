using System.CommandLine;
using System.Globalization;
using Evolve.Core.Promotion;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve promote RUN</c>: gate a run's candidate against live and, if it passes, make it a new library version on a channel.</summary>
internal static class PromoteVerb
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("run") { Description = "Run id (folder under runs/), a unique prefix of one, latest (the newest optimization run), or a run folder's path" };
        var candidate = new Option<string?>("--candidate") { Description = "Candidate id prefix (default: the run's best pool candidate by mean validation score)" };
        var agent = new Option<string?>("--agent", "-a") { Description = "Agent to promote into (default: the run's agent)" };
        var channel = LibraryVerb.ChannelOption("Channel to move");
        var tolerance = new Option<double>("--tolerance") { Description = "How much worse than live (mean holdout score) the candidate may be", DefaultValueFactory = _ => 0.02 };
        var repeat = new Option<int>("--repeat", "-n") { Description = "Repeats per holdout case for live and candidate", DefaultValueFactory = _ => 3 };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Rollouts in flight", DefaultValueFactory = _ => 32 };
        var sandbox = Choices.Sandbox();
        var paths = WorkspaceOptions.Create();
        var command = new Command("promote", """
            Gate a run's candidate and make it the agent's new live (or canary) version.
            Gates: artifacts parse and render, size and growth caps, and a paired holdout comparison
            against the current live files through the run's model; the candidate fails when its
            mean holdout score is below live's by more than the tolerance. A failing gate changes
            nothing and exits with code 1.

            Examples:
              evolve promote latest --channel canary
              evolve promote latest
            """);
        command.Arguments.Add(run);
        var judge = JudgeModelOption.Create();
        foreach (var option in new Option[] { candidate, agent, channel.Option, tolerance, repeat, concurrency, sandbox.Option, judge })
        {
            command.Options.Add(option);
        }

        paths.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var runArg = parse.GetValue(run)!;
            var options = new PromotionOptions
            {
                Run = runArg.IndexOfAny(['/', '\\']) >= 0 || runArg is "." or ".." ? Path.GetFullPath(runArg, context.WorkingDirectory) : runArg,
                CandidatePrefix = parse.GetValue(candidate), Agent = parse.GetValue(agent), Channel = channel.GetValue(parse),
                Tolerance = parse.GetValue(tolerance), Repeat = parse.GetValue(repeat), Concurrency = parse.GetValue(concurrency),
                JudgeModel = parse.GetValue(judge), Sandbox = sandbox.GetValue(parse), Paths = paths.Resolve(parse, context),
            };
            PromotionResult result;
            try
            {
                result = await new PromotionJob(context.Dependencies).RunAsync(options, line => context.Out.WriteLine(line), ct).ConfigureAwait(false);
            }
            catch (Kernel.Library.LibraryConflictException ex)
            {
                await context.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.SystemicFailure;
            }

            foreach (var gate in result.Gates)
            {
                await context.Out.WriteLineAsync($"gate {gate.Name,-9} {(gate.Passed ? "pass" : "FAIL")}  {gate.Detail}").ConfigureAwait(false);
            }

            if (result.FailedGate is { } failed)
            {
                await context.Out.WriteLineAsync($"not promoted: gate '{failed.Name}' failed; the library is unchanged").ConfigureAwait(false);
                return ExitCodes.GateFailed;
            }

            var entry = result.Promoted!;
            await context.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"promoted candidate {result.Candidate.ShortId} of run {result.Run.Id} as {result.Agent} version {entry.To} on {LibraryVerb.Name(entry.Channel)} (was {LibraryVerb.Version(entry.From)}, generation {entry.Generation})")).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"undo with: evolve rollback {result.Agent}{(entry.Channel == Kernel.Library.LibraryChannel.Canary ? " --channel canary" : "")}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
