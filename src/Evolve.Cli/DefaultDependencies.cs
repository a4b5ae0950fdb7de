using Evolve.Core.Evaluation;
using Evolve.Core.Scoring;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Sandbox;

namespace Evolve.Cli;

/// <summary>The real model pipelines and the sandboxed scorer: the composition root.</summary>
internal static class DefaultDependencies
{
    public static EvalDependencies Create(TimeProvider time) => new(
        (uri, paths) =>
        {
            var parsed = ModelUri.Parse(uri);
            var options = new ModelOptions { TimeProvider = time, CachePath = Path.Combine(paths.Runs, ".cache", "responses.db") };
                        return new ModelHandle(ModelFactory.Create(parsed, options), parsed.ToString(), parsed.Description, parsed.IsSimulated);
        },
        async level =>
        {
            if (level == "none")
            {
                return new ScorerHandle(new CaseScorer(), "none");
            }

            var sandbox = await SandboxFactory.Shared.CreateAsync(level).ConfigureAwait(false);
            var runner = new PythonTestRunner(sandbox);
            return new ScorerHandle(new CaseScorer(new ScoringServices { PythonTestRunner = runner }), SandboxLevelNames.Name(sandbox.Level));
        },
        time);
}
