using System.CommandLine;
using System.Text.Json;
using Evolve.Core.Runs;
using Evolve.Kernel;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve runs list</c> and <c>evolve runs show RUN</c>: what is in the runs folder, read without writing.</summary>
internal static class RunsVerb
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var command = new Command("runs", """
            List and inspect runs (optimizations, evals and compares) under runs/.

            Examples:
              evolve runs list --status finished
              evolve runs show latest
            """);
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var suite = new Option<string?>("--suite", "-s") { Description = "Only runs of this suite" };
        var status = Choices.Strings("--status", "Only runs with this status", null, [RunStatus.Running, RunStatus.Finished, RunStatus.Interrupted, RunStatus.Failed, RunCatalog.Unreadable]);
        var limit = new Option<int>("--limit") { Description = "Most runs to show, newest first", DefaultValueFactory = _ => 50 };
        var format = Choices.Strings("--format", "Output format", "table", ["table", "json"], "-f");
        var paths = WorkspaceOptions.Create();
        var command = new Command("list", """
            List every run folder with a run.db, newest first, in 100 columns: id (start time and
            suite), model, rollouts (of the budget, for optimizations), headline score (val: best
            validation mean, mean: eval mean, diff: compare second - first), status and wall time;
            --format json has every field. A run stored as running whose process is
            gone shows as interrupted; a database that cannot be read shows as unreadable, with why.
            """);
        foreach (var option in new Option[] { suite, status.Option, limit, format.Option })
        {
            command.Options.Add(option);
        }

        paths.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(limit) < 1)
            {
                throw new InputException("--limit", null, null, $"must be at least 1, not {parse.GetValue(limit)}");
            }

            var runs = RunCatalog.List(paths.Resolve(parse, context).Runs, context.Dependencies.Time)
                .Where(r => parse.GetValue(suite) is not { } s || r.Suite == s)
                .Where(r => !status.TryGetValue(parse, out var st) || r.Status == st)
                .Take(parse.GetValue(limit)).ToList();
            if (format.GetValue(parse) == "json")
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(runs.Select(ToJson), Json)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            RunCatalogText.WriteList(runs, context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var run = new Argument<string>("run") { Description = "Run id, a unique prefix of one, or latest (the newest run)" };
        var paths = WorkspaceOptions.Create();
        var command = new Command("show", "Show one run: header, options, candidates, best candidate, verdict and report paths.");
        command.Arguments.Add(run);
        paths.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var details = RunCatalog.Show(paths.Resolve(parse, context).Runs, parse.GetValue(run)!, context.Dependencies.Time);
            RunCatalogText.WriteDetails(details, context.Out);
            await context.Out.FlushAsync(ct).ConfigureAwait(false);
            return details.Listing.Status == RunCatalog.Unreadable ? ExitCodes.BadInput : ExitCodes.Ok;
        });
        return command;
    }

    private static object ToJson(RunListing r) => new
    {
        r.Id, r.Kind, r.Suite, r.Agent, r.Model, r.Simulated, r.Status, r.Note, r.StartedAt,
        durationSeconds = r.Duration?.TotalSeconds, r.Rollouts, r.Budget, r.Score, r.ScoreKind, r.Directory,
        modelLine = "model: " + RunCatalogText.Model(r),
    };
}
