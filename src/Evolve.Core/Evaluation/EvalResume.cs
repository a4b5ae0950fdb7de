using System.Text.Json;
using Evolve.Core.Runs;
using Evolve.Core.Suites;
using Evolve.Kernel;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Reopens an earlier eval run for <c>evolve eval --resume RUN</c>. It continues only the same
/// evaluation (suite content, candidate, model, split, repeats, prompt file), so the finished
/// rollouts it keeps mean the same thing as the ones it adds.
/// </summary>
internal static class EvalResume
{
    public static (RunStore Store, FileStream Lock) Open(string runs, string id, Suite suite, Candidate candidate, string model, string optionsJson, TimeProvider time)
    {
        var directory = RunCatalog.Find(runs, id, "--resume", EvalJob.Kind);
        id = Path.GetFileName(directory);

        var runLock = RunLock.Acquire(directory);
        var store = RunStore.Open(directory, time);
        try
        {
            var info = store.LoadInfo();
            var problem = info.Kind != EvalJob.Kind ? $"run '{id}' is an {info.Kind} run, not an eval"
                : info.Suite != suite.Name ? $"run '{id}' evaluated suite '{info.Suite}', not '{suite.Name}'"
                : info.SuiteHash != suite.ContentHash ? $"suite '{suite.Name}' changed since run '{id}' started; start a new eval"
                : info.Model != model ? $"run '{id}' used model {info.Model}, not {model}; pass --model {info.Model}"
                : !store.LoadCandidates().Any(c => c.Candidate.Id == candidate.Id) ? $"the agent's prompts changed since run '{id}' started; start a new eval"
                : Differences(info.OptionsJson, optionsJson);
            if (problem is not null)
            {
                throw new InputException("--resume", null, null, problem);
            }

            store.SetStatus(RunStatus.Running);
            return (store, runLock);
        }
        catch
        {
            store.Dispose();
            runLock.Dispose();
            throw;
        }
    }

    /// <summary>Names the options that would change what the run measures; concurrency and sandbox may differ.</summary>
    private static string? Differences(string stored, string current)
    {
        using var a = JsonDocument.Parse(stored);
        using var b = JsonDocument.Parse(current);
        foreach (var name in new[] { "Split", "Cases", "Repeat", "PromptFile" })
        {
            var before = a.RootElement.TryGetProperty(name, out var x) ? x.ToString() : string.Empty;
            var now = b.RootElement.TryGetProperty(name, out var y) ? y.ToString() : string.Empty;
            if (before != now)
            {
                return $"the run was started with {name} = '{before}', this invocation has '{now}'; pass the same options to resume";
            }
        }

        return null;
    }
}
