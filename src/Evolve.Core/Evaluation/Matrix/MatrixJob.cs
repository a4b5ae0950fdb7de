using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Providers;

namespace Evolve.Core.Evaluation.Matrix;

/// <summary>
/// <c>evolve eval</c> over a matrix, as promptfoo evaluates a config: every prompt of the agent (its
/// primary template and each of its <c>variants</c>) times every model times every case. Each
/// prompt × model is one ordinary eval run (its own run folder, report and resume), run one after
/// another so each gets the whole concurrency. Every model URI and prompt file is checked before
/// the first run starts, so bad input runs nothing.
/// </summary>
public sealed class MatrixJob(EvalDependencies dependencies)
{
    /// <summary>Runs the matrix of <paramref name="models"/> (null entries mean the agent's model, else sim) and the agent's prompts.</summary>
    public async Task<MatrixResult> RunAsync(EvalOptions options, IReadOnlyList<string?> models, Func<EvaluationProgress> newProgress, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(newProgress);
        options.Validate();
        if (options.Resume is not null)
        {
            throw new InputException("--resume", null, null, "a matrix (several prompts or --model given more than once) cannot be resumed as one run; resume its runs one by one");
        }

        var (profile, prompts, suiteModels) = Plan(options);
        IReadOnlyList<string?> uris = models.Count > 0 ? models : suiteModels.Count > 0 ? [.. suiteModels] : [options.Model];
        var problems = uris.Append(options.JudgeModel).SelectMany(CheckModel).Concat(prompts.SelectMany(p => CheckPrompt(profile, p.File))).ToList();
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var columns = new List<MatrixColumn>();
        foreach (var model in uris)
        {
            foreach (var (label, file) in prompts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                log($"matrix: {label} × {model} ({columns.Count + 1} of {uris.Count * prompts.Count})");
                var cell = options with { Model = model, PromptFile = file ?? options.PromptFile };
                var result = await new EvalJob(dependencies).RunAsync(cell, newProgress(), log, cancellationToken).ConfigureAwait(false);
                columns.Add(new MatrixColumn(label, result.Model.Uri, result));
            }
        }

        return new MatrixResult(await CompareAsync(columns, options, log, cancellationToken).ConfigureAwait(false), options.MinScore);
    }

    // select-best and max-score are decided once every column has answered (MatrixComparison);
    // select-best asks the judge model, through its own pipeline and usage ledger.
    private async Task<IReadOnlyList<MatrixColumn>> CompareAsync(List<MatrixColumn> columns, EvalOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        if (columns.Count == 0 || !columns[0].Result.Suite.Compares)
        {
            return columns;
        }

        if (columns.Count < 2)
        {
            log("matrix: select-best and max-score need at least two prompts or models to compare; with one column they are not decided");
            return columns;
        }

        var suite = columns[0].Result.Suite;
        var judge = suite.DefaultAssertions.Concat(suite.Cases.SelectMany(c => c.Assertions)).Any(a => a.Type == "select-best")
            ? dependencies.CreateModel(new ModelSpec(options.JudgeModel ?? "sim", options.Paths, ModelRole.Judge)).Client
            : null;
        log($"matrix: deciding select-best and max-score across the {columns.Count} columns (each column's run folder keeps its scores from before)");
        return await MatrixComparison.ApplyAsync(columns, judge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the matrix would run: the prompts (the primary template, or <c>--prompt</c>, and without
    /// <c>--prompt</c> each variant) and the suite's own <c>models:</c>, used when no <c>--model</c> is given.
    /// </summary>
    public static (AgentProfile Profile, IReadOnlyList<(string Label, string? File)> Prompts, IReadOnlyList<string> SuiteModels) Plan(EvalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var suite = options.IsSuiteFile ? SuiteLoader.LoadFile(options.Suite!) : SuiteLoader.Load(options.Paths.Evals, options.Suite!);
        var profile = AgentProfileLoader.Load(options.Paths.Prompts, options.Agent ?? suite.Agent);
        if (options.PromptFile is { } given)
        {
            return (profile, [(Path.GetFileName(given), given)], suite.Models);
        }

        var variants = profile.Variants.Select(v => (Path.GetFileName(v), (string?)Path.Combine(profile.Directory, v)));
        return (profile, [(profile.PrimaryComponent, null), .. variants], suite.Models);
    }

    private static IEnumerable<InputError> CheckPrompt(AgentProfile profile, string? file)
    {
        if (file is null)
        {
            return [];
        }

        try
        {
            PromptFileCandidate.Create(profile, file, InputText.Read(file));
            return [];
        }
        catch (InputException e)
        {
            return e.Errors;
        }
    }

    private static IEnumerable<InputError> CheckModel(string? uri)
    {
        if (uri is null)
        {
            return [];
        }

        try
        {
            ModelUri.Parse(uri);
            return [];
        }
        catch (InputException e)
        {
            return e.Errors;
        }
    }
}
