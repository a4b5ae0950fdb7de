using System.CommandLine;
using Evolve.Cli.Output;
using Evolve.Core.Evaluation;
using Evolve.Core.Evaluation.Matrix;
using Evolve.Core.Reports.Matrix;
using Evolve.Core.Reports;
using Evolve.Core.Workspace;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve eval</c>: score one candidate of an agent on a suite.</summary>
internal static class EvalVerb
{
    public static Command Create(CliContext context)
    {
        var suite = new Option<string>("--suite", "-s") { Description = "Suite name (folder under evals/) or path to a suite.yaml", Required = true };
        var agent = new Option<string?>("--agent", "-a") { Description = "Agent to score (default: the suite's agent)" };
        var prompt = new Option<string?>("--prompt", "-p") { Description = "Template file replacing the agent's system template (or task template when it has none)" };
        var split = Choices.Split();
        var repeat = new Option<int?>("--repeat", "-n") { Description = "Repeats per case (default: the suite's)" };
        var model = new Option<string[]>("--model", "-m")
        {
            Description = "Model URI (default: the agent's, else sim); repeat it to evaluate every prompt on every model (a matrix)",
            Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false,
        };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Rollouts in flight", DefaultValueFactory = _ => 32 };
        var format = Choices.EvalFormat();
        var output = new Option<string?>("--output", "-o") { Description = "Write the output to this file instead of standard output" };
        var minScore = new Option<double?>("--min-score") { Description = "Exit with code 1 when the mean case score (0 to 1) is below this" };
        minScore.Validators.Add(ScoreRange.Check);
        var caseIds = new Option<string[]>("--case") { Description = "Run only this case (repeatable), within --split", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var casesFile = new Option<string?>("--cases") { Description = "Run only the cases listed in this file, one id per line (# comments)" };
        var sandbox = Choices.Sandbox();
        var resume = new Option<string?>("--resume") { Description = "Continue an earlier eval run, by id, unique prefix or latest (same suite, prompts, model, split and repeats): keeps its rollouts, runs the missing ones" };
        var paths = WorkspaceOptions.Create();
        var calls = new ModelCallOptions();

        var command = new Command("eval", """
            Score an agent's prompts on a suite and store every rollout in runs/<run-id>/run.db.

            Examples:
              evolve eval --suite coding
              evolve eval --suite coding --split holdout --repeat 3 --format json -o result.json
              evolve eval --suite arith --case rolls-left --case fence-posts
              evolve eval --suite extract --prompt prompts/extract/system.sbn --min-score 0.8
              evolve eval --suite arith --model openai:gpt-4.1-mini --rpm 500 --tpm 200000 --cache-ttl 7d
              evolve eval --suite arith --model sim --model "sim?seed=1" --format csv -o table.csv

            An agent with variants (other task templates, as a promptfoo import writes them) or several
            --model flags is evaluated as a matrix, as promptfoo does: every prompt times every model
            times every case, each prompt x model an eval run of its own, shown as one table with a row
            per case and a column per prompt x model. --prompt evaluates that one prompt only.
            """);
        var judge = JudgeModelOption.Create();
        foreach (var option in new Option[] { suite, agent, prompt, split.Option, repeat, model, concurrency, format.Option, output, minScore, caseIds, casesFile, sandbox.Option, judge, resume })
        {
            command.Options.Add(option);
        }

        paths.AddTo(command);
        calls.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var workspace = paths.ForRunning(parse, context);
            var outputFile = Resolve(context, parse.GetValue(output));
            OutputFile.Check(outputFile, workspace);
            using var tracing = calls.StartTracing(parse);
            var models = parse.GetValue(model) ?? [];
            var options = new EvalOptions
            {
                Suite = parse.GetValue(suite), Agent = parse.GetValue(agent), PromptFile = Resolve(context, parse.GetValue(prompt)),
                Split = split.GetValue(parse), Repeat = parse.GetValue(repeat), Model = models.Length == 1 ? models[0] : null,
                Concurrency = parse.GetValue(concurrency), JudgeModel = parse.GetValue(judge), Sandbox = sandbox.GetValue(parse), MinScore = parse.GetValue(minScore),
                Paths = workspace, Calls = calls.Settings(parse, context), AllowUnsandboxed = calls.AllowUnsandboxed(parse),
                Resume = parse.GetValue(resume), CaseIds = parse.GetValue(caseIds), CasesFile = Resolve(context, parse.GetValue(casesFile)),
            };
            options.Validate();
            var plan = MatrixJob.Plan(options);
            if (models.Length > 1 || plan.Prompts.Count > 1 || (models.Length == 0 && plan.SuiteModels.Count > 1))
            {
                return await RunMatrixAsync(options, models, format.GetValue(parse), outputFile, context, ct).ConfigureAwait(false);
            }

            if (models.Length == 0 && plan.SuiteModels.Count == 1)
            {
                options = options with { Model = plan.SuiteModels[0] };
            }

            var progress = new EvaluationProgress();
            var job = new EvalJob(context.Dependencies);
            EvalJobResult result;
            try
            {
                result = await ProgressDisplay.RunAsync(progress, context, "eval",
                    () => job.RunAsync(options, progress, line => context.Error.WriteLine(line), ct)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested && progress.RunId is { } id)
            {
                await context.Error.WriteLineAsync($"cancelled: eval {id} is kept in {progress.RunDirectory}; resume with: {ResumeCommand(parse, id)}").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }

            await EvalOutput.WriteAsync(result, format.GetValue(parse), outputFile, context).ConfigureAwait(false);
            await ModelCallOptions.WriteUsageAsync(context).ConfigureAwait(false);

            ReportVerb.WriteAfterRun(result.RunDirectory, context, context.Error);
            return result.GatePassed ? ExitCodes.Ok : ExitCodes.GateFailed;
        });
        return command;
    }

    private static async Task<int> RunMatrixAsync(EvalOptions options, string[] models, EvalOutputFormat format, string? outputFile, CliContext context, CancellationToken ct)
    {
        if (format == EvalOutputFormat.Junit)
        {
            throw new Kernel.InputException("--format", null, null, "junit describes one prompt on one model; a matrix is written as table, json or csv");
        }

        var result = await new MatrixJob(context.Dependencies)
            .RunAsync(options, [.. models], () => new EvaluationProgress(), line => context.Error.WriteLine(line), ct).ConfigureAwait(false);
        await MatrixOutput.WriteAsync(result, format, outputFile, context).ConfigureAwait(false);
        await ModelCallOptions.WriteUsageAsync(context).ConfigureAwait(false);
        foreach (var column in result.Columns)
        {
            ReportVerb.WriteAfterRun(column.Result.RunDirectory, context, context.Error);
        }

        try
        {
            await context.Error.WriteLineAsync($"matrix report: {MatrixHtml.WriteAll(result)[0]} (the same page in every column's run folder)").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"warning: the matrix report could not be written: {ex.Message}").ConfigureAwait(false);
        }

        return result.GatePassed ? ExitCodes.Ok : ExitCodes.GateFailed;
    }

    /// <summary>This invocation's own command line with <c>--resume ID</c> in place of any earlier one: resuming needs the same suite, prompt, model, split and repeats.</summary>
    private static string ResumeCommand(ParseResult parse, string id)
    {
        var tokens = parse.Tokens.Select(t => t.Value).ToList();
        var at = tokens.IndexOf("--resume");
        if (at >= 0)
        {
            tokens.RemoveRange(at, Math.Min(2, tokens.Count - at));
        }

        return "evolve " + ShellWords.Join(tokens.Append("--resume").Append(id));
    }

    private static string? Resolve(CliContext context, string? path) =>
        path is null ? null : Path.GetFullPath(path, context.WorkingDirectory);
}
