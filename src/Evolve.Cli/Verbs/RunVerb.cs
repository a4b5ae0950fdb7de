using System.CommandLine;
using Evolve.Cli.Output;
using Evolve.Core.Gepa;
using Evolve.Core.Gepa.Search;
using Evolve.Kernel;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve run</c>: optimize an agent's prompts against a suite with batched GEPA.</summary>
internal static class RunVerb
{
    public static Command Create(CliContext context)
    {
        var suite = new Option<string?>("--suite", "-s") { Description = "Suite to optimize against (required unless --resume)" };
        var agent = new Option<string?>("--agent", "-a") { Description = "Agent to optimize (default: the suite's agent)" };
        var model = new Option<string?>("--model", "-m") { Description = "Task model URI (default: the agent's, else sim)" };
        var reflection = new Option<string?>("--reflection-model") { Description = "Model that rewrites prompts (default: the task model)" };
        var budget = new Option<int>("--budget", "-b") { Description = "Hard cap on rollouts, holdout check included; never exceeded", DefaultValueFactory = _ => GepaOptions.DefaultBudget };
        var batch = new Option<int>("--batch") { Description = "Rollouts per generation, 100-500", DefaultValueFactory = _ => 200 };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Rollouts in flight", DefaultValueFactory = _ => 32 };
        var slots = new Option<int?>("--model-slots") { Description = "Task-model calls at once, shared round-robin by the candidates (default: half of --concurrency)" };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice; with sim the same seed gives the same result", DefaultValueFactory = _ => 0 };
        var selection = Choices.Selection();
        var noMerge = new Option<bool>("--no-merge") { Description = "Do not merge lineages (merge is on by default)" };
        var merge = new Option<bool>("--merge") { Description = "Merge lineages (the default)" };
        var combine = new Option<bool>("--combine") { Description = "Apply the edits of sibling children that joined the pool together, as one more child to validate" };
        var minibatch = new Option<int>("--minibatch") { Description = "Train cases per reflective minibatch", DefaultValueFactory = _ => 3 };
        var repeat = new Option<int?>("--repeat", "-n") { Description = "Repeats per case (default: the suite's)" };
        var maxTime = new Option<string?>("--max-time") { Description = "Stop after this long, e.g. 90s, 10m, 1h" };
        var resume = new Option<string?>("--resume") { Description = "Resume the run with this id, a unique prefix of one, or latest (a plain re-run also resumes an interrupted run with the same options)" };
        var components = new Option<string[]?>("--components") { Description = "Artifacts that may change, e.g. system.sbn heuristics.yaml (default: all)", AllowMultipleArgumentsPerToken = true };
        var accept = new Option<string>("--accept") { Description = "Minibatch acceptance: strict or tolerance:X (X from 0 to 1)", DefaultValueFactory = _ => "strict" };
        accept.Validators.Add(AcceptCheck);
        var patience = new Option<int>("--patience") { Description = "Stop after this many generations without improvement", DefaultValueFactory = _ => 10 };
        var target = new Option<double?>("--target-score") { Description = "Stop once the best validation score (0 to 1) reaches this" };
        target.Validators.Add(ScoreRange.Check);
        var finalists = new Option<int>("--finalists") { Description = "Candidates checked against the seed on holdout (best first, then Pareto-front members), Holm-corrected", DefaultValueFactory = _ => 3 };
        var validationRepeat = new Option<int?>("--validation-repeat") { Description = "Repeats per validation case (default: --repeat); more make a lucky child less likely to lead" };
        var revalidate = new Option<int>("--revalidate") { Description = "Fresh validation repeats for the leaders and the seed before the final pick; the pick must beat the seed on them (0: pick by the search's validation mean)", DefaultValueFactory = _ => GepaOptions.DefaultRevalidate };
        var lessons = new Option<int>("--lessons") { Description = "Failing cases a lineage remembers and shows to each reflection on it (0: only the minibatch)", DefaultValueFactory = _ => GepaOptions.DefaultLessons };
        var lengthCost = new Option<double>("--length-cost") { Description = "Score per case a child pays in minibatch acceptance per 1,000 characters it adds (default 0)" };
        var maxGrowth = new Option<int?>("--max-growth") { Description = "Characters a component may grow beyond the seed's (default 1,500, or 20% of a longer seed)" };
        var maxChars = new Option<int>("--max-chars") { Description = "Hard cap on one component's size in characters", DefaultValueFactory = _ => GepaOptions.DefaultMaxChars };
        var sandbox = Choices.Sandbox();
        var paths = WorkspaceOptions.Create();
        var calls = new ModelCallOptions();

        var command = new Command("run", """
            Optimize an agent's prompts and heuristics against a suite (batched GEPA), then check the
            best candidate against the seed on the holdout split, which the search never sees.
            Everything is stored in runs/<run-id>/run.db as it happens; Ctrl+C or a kill can be resumed.
            Create a file named STOP in the run folder to stop after the current generation.

            Examples:
              evolve run --suite coding
              evolve run --suite coding --budget 3000 --seed 7 --selection pareto
              evolve run --suite coding --validation-repeat 2 --revalidate 5
              evolve run --resume latest
            """);
        var judge = JudgeModelOption.Create();
        foreach (var option in new Option[] { suite, agent, model, reflection, budget, batch, concurrency, slots, seed, selection.Option, merge, noMerge, combine, minibatch, repeat, maxTime, resume, components, accept, patience, target, finalists, validationRepeat, revalidate, lessons, lengthCost, maxGrowth, maxChars, sandbox.Option, judge })
        {
            command.Options.Add(option);
        }

        paths.AddTo(command);
        calls.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var workspace = parse.GetValue(resume) is null ? paths.ForRunning(parse, context) : paths.Resolve(parse, context);
            using var tracing = calls.StartTracing(parse);
            var dependencies = calls.Dependencies(parse, context);
            var options = new GepaOptions
            {
                Suite = parse.GetValue(suite), Agent = parse.GetValue(agent), Model = parse.GetValue(model), ReflectionModel = parse.GetValue(reflection),
                Budget = parse.GetValue(budget), Batch = parse.GetValue(batch), Concurrency = parse.GetValue(concurrency), ModelSlots = parse.GetValue(slots), Seed = parse.GetValue(seed),
                Selection = selection.GetValue(parse), Merge = !parse.GetValue(noMerge), Combine = parse.GetValue(combine), Minibatch = parse.GetValue(minibatch), Repeat = parse.GetValue(repeat),
                MaxTime = Durations.Parse(parse.GetValue(maxTime), "--max-time"), Resume = parse.GetValue(resume),
                Components = parse.GetValue(components) is { Length: > 0 } chosen ? chosen : null, Accept = AcceptanceRule.Parse(parse.GetValue(accept)!), Patience = parse.GetValue(patience),
                TargetScore = parse.GetValue(target), Finalists = parse.GetValue(finalists),
                ValidationRepeat = parse.GetValue(validationRepeat), Revalidate = parse.GetValue(revalidate),
                Lessons = parse.GetValue(lessons), LengthCost = parse.GetValue(lengthCost), MaxGrowth = parse.GetValue(maxGrowth), MaxChars = parse.GetValue(maxChars), JudgeModel = parse.GetValue(judge), Sandbox = sandbox.GetValue(parse), Paths = workspace,
            };
            var progress = new RunProgress();
            var line = new RunProgressLine(context.Error, context.Interactive);
            GepaResult result;
            try
            {
                result = await line.RunAsync(progress, new GepaRun(dependencies) { Progress = progress }.RunAsync(
                    options,
                    line.WriteLine,
                    generation =>
                    {
                        line.WriteLine(RunSummaryWriter.GenerationLine(generation));
                        line.Draw(progress);
                    },
                    ct)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested && progress.RunId is { } id)
            {
                line.WriteLine($"cancelled: run {id} is kept in {progress.RunDirectory}; resume with: {ResumeCommand(id, parse, paths)}");
                return ExitCodes.Cancelled;
            }

            RunSummaryWriter.Write(result, context.Out);
            await ModelCallOptions.WriteUsageAsync(context).ConfigureAwait(false);

            ReportVerb.WriteAfterRun(result.RunDirectory, context, context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The command that resumes run <paramref name="id"/>, with the folder flags this invocation was given.</summary>
    private static string ResumeCommand(string id, ParseResult parse, WorkspaceOptions paths) =>
        string.Join(' ', new[] { "evolve run --resume", id }.Concat(paths.Given(parse)));

    /// <summary>--accept is parsed by the rule itself, so the flag and the search agree on what is valid.</summary>
    private static void AcceptCheck(System.CommandLine.Parsing.OptionResult result)
    {
        try
        {
            _ = AcceptanceRule.Parse(result.GetValueOrDefault<string>() ?? "strict");
        }
        catch (InputException e)
        {
            result.AddError($"--accept: {e.Errors[0].Message}");
        }
    }
}
