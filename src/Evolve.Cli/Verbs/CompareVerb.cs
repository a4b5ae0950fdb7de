using System.CommandLine;
using Evolve.Cli.Output;
using Evolve.Core.Compare;
using Evolve.Core.Evaluation;
using Evolve.Core.Reports.Compare;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve compare A B</c>: run two candidates on the same cases and say, with paired statistics, whether one is better.</summary>
internal static class CompareVerb
{
    public static Command Create(CliContext context)
    {
        var a = new Argument<string>("A") { Description = "Baseline: a prompt file (.sbn), an agent folder, agent@live|canary|N, or RUN[:best|seed|CANDIDATE]" };
        var b = new Argument<string>("B") { Description = "Challenger, in the same forms; differences are B - A. Outputs name the sides seed/best (run candidates) or as given" };
        var suite = new Option<string>("--suite", "-s") { Description = "Suite name (folder under evals/) or path to a suite.yaml", Required = true };
        var split = Choices.Split();
        var repeat = new Option<int?>("--repeat", "-n") { Description = "Repeats per case for each side (default: the suite's)" };
        var model = new Option<string?>("--model", "-m") { Description = "Model URI for both sides (default: A's agent's model, else sim)" };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Rollouts in flight", DefaultValueFactory = _ => 32 };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap interval", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--output", "-o") { Description = "Also write compare.md and compare.html into this folder" };
        var format = Choices.Strings("--format", "Output format", "table", ["table", "json"], "-f");
        var sandbox = Choices.Sandbox();
        var paths = WorkspaceOptions.Create();
        var calls = new ModelCallOptions();
        var command = new Command("compare", """
            Compare two candidates case by case on the same cases, repeats and model: paired
            bootstrap interval of the mean difference, exact McNemar (pass/fail) and sign test,
            wins/ties/losses, effect size and a verdict. Rollouts go into a compare run
            (runs/<id>/run.db) beside compare.md and compare.html; running the same compare again
            after an interruption continues it.

            A and B are each one of:
              a prompt file       my-system.sbn (replaces the suite's agent's system template)
              an agent folder     prompts/coding (its files as they are)
              a library version   coding@live, coding@canary, coding@3
              a run candidate     RUN or RUN:best (best pool candidate by validation score; the
                                  only candidate of an eval run), RUN:seed, RUN:3f2a (id prefix);
                                  RUN is a run id, a unique prefix of one, or latest (the
                                  newest optimization run)

            Examples:
              evolve compare coding@live latest --suite coding --split holdout --repeat 3
              evolve compare latest:seed latest --suite coding
            """);
        command.Arguments.Add(a);
        command.Arguments.Add(b);
        var judge = JudgeModelOption.Create();
        foreach (var option in new Option[] { suite, split.Option, repeat, model, concurrency, seed, output, format.Option, sandbox.Option, judge })
        {
            command.Options.Add(option);
        }

        paths.AddTo(command);
        calls.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var tracing = calls.StartTracing(parse);

            // Rate limits, retries and the sandbox refusal for real models apply to both sides alike.
            var dependencies = calls.Dependencies(parse, context);
            var options = new CompareJobOptions
            {
                A = parse.GetValue(a)!, B = parse.GetValue(b)!, Suite = parse.GetValue(suite), Split = split.GetValue(parse),
                Repeat = parse.GetValue(repeat), Model = parse.GetValue(model), Concurrency = parse.GetValue(concurrency), Seed = parse.GetValue(seed),
                JudgeModel = parse.GetValue(judge), Sandbox = sandbox.GetValue(parse), WorkingDirectory = context.WorkingDirectory, Paths = paths.Resolve(parse, context),
                OutputDirectory = parse.GetValue(output) is { } o ? Path.GetFullPath(o, context.WorkingDirectory) : null,
            };
            var json = format.GetValue(parse) == "json";
            var progress = new EvaluationProgress();
            var job = new CompareJob(dependencies);
            var plan = job.Prepare(options);
            if (plan.SameCandidate)
            {
                // Scoring a candidate against itself can only say "no difference": say so, run nothing.
                if (json)
                {
                    CompareJson.WriteSameCandidate(plan, context.Out);
                }
                else
                {
                    await context.Out.WriteLineAsync(CompareText.SameCandidate(plan)).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }

            var result = await ProgressDisplay.RunAsync(progress, context, "compare",
                () => job.RunAsync(plan, progress, line => context.Error.WriteLine(line), ct)).ConfigureAwait(false);
            if (json)
            {
                CompareJson.Write(result, context.Out);
            }
            else
            {
                CompareText.Write(result, context.Out);
            }

            // With JSON on standard output the paths go to the error stream, so the output stays one document.
            var notes = json ? context.Error : context.Out;
            foreach (var report in result.Reports)
            {
                await notes.WriteLineAsync($"wrote {report}").ConfigureAwait(false);
            }

            await ModelCallOptions.WriteUsageAsync(context).ConfigureAwait(false);

            return ExitCodes.Ok;
        });
        return command;
    }
}
