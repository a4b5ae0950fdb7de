using Evolve.Core.Evaluation;
using Evolve.Core.Scoring;
using Evolve.Core.Workspace;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Configuration;
using Evolve.Kernel.Providers.Usage;
using Evolve.Kernel.Sandbox;

namespace Evolve.Cli;

/// <summary>
/// The real model pipelines and the sandboxed scorer: the composition root. Public because the
/// benchmarks build their runs exactly as the CLI does.
/// </summary>
public static class DefaultDependencies
{
    /// <summary>Dependencies whose models share one usage ledger and read evolve.yaml beside the workspace's evals folder.</summary>
    public static EvalDependencies Create(TimeProvider time)
    {
        // One ledger per role for every model this process builds, so a verb can print what was
        // spent and a run can store it per role.
        var usage = new ModelUsage();
        ModelHandle Build(ModelSpec spec, ModelCallSettings settings)
        {
            var parsed = ModelUri.Parse(spec.Uri);
            var paths = spec.Paths;
            var defaults = new ModelOptions();
            // evolve.yaml beside evals/ configures endpoints and key variables (models:) and prices (prices:).
            var workspace = WorkspaceModelConfig.Load(Path.GetDirectoryName(Path.GetFullPath(paths.Evals)) ?? paths.Evals);
            var options = new ModelOptions
            {
                TimeProvider = time, Usage = usage.Ledger(spec.Role), CachePath = Path.Combine(paths.Runs, ".cache", "responses.db"),
                CacheEnabled = !settings.NoCache, CacheTimeToLive = settings.CacheTimeToLive,
                Prices = settings.PricesFile is { } file ? PriceTable.Load(file) : workspace.Path is { } config ? PriceTable.LoadWorkspace(config) : PriceTable.BuiltIn,
                Workspace = workspace,
                RequestsPerMinute = settings.RequestsPerMinute, TokensPerMinute = settings.TokensPerMinute,
                Timeout = settings.Timeout ?? defaults.Timeout,
                Retry = settings.MaxAttempts is { } attempts ? defaults.Retry with { MaxAttempts = attempts } : defaults.Retry,
                SimOracles = spec.Oracles,
            };
            return new ModelHandle(ModelFactory.Create(parsed, options), parsed.ToString(), parsed.Description, parsed.IsSimulated);
        }

        return new EvalDependencies(
            spec => Build(spec, new ModelCallSettings()),
            async request =>
            {
                if (!request.RunsCode)
                {
                    return new ScorerHandle(new CaseScorer(new ScoringServices { Judge = request.Judge }), "none");
                }

                var sandbox = await SandboxFactory.Shared.CreateAsync(request.Level).ConfigureAwait(false);
                var runner = new PythonTestRunner(sandbox);
                return new ScorerHandle(new CaseScorer(new ScoringServices { PythonTestRunner = runner, Sandbox = sandbox, Judge = request.Judge }), SandboxLevelNames.Name(sandbox.Level));
            },
            time)
        {
            CreateModelWithSettings = Build,
            Usage = usage,
        };
    }
}
