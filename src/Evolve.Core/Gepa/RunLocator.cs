using System.Text.Json;
using Evolve.Core.Gepa.Search;
using Evolve.Core.Runs;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Gepa;

/// <summary>Finds the run to resume (named, or an interrupted one with the same options), reading run databases without writing to them.</summary>
internal static class RunLocator
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What makes two runs the same search: everything but concurrency, time limit and paths.</summary>
    public static string OptionsJson(GepaOptions o, Suite suite) => JsonSerializer.Serialize(Stored(o, o.Suite ?? suite.Name, suite.ContentHash), Json);

    /// <summary>The run to resume, with the options it was started with (plus this invocation's concurrency and time limit), or null.</summary>
    public static (string Directory, GepaOptions Options)? FindResumable(GepaOptions options, TimeProvider time)
    {
        if (options.Resume is { } id)
        {
            var directory = RunCatalog.Find(options.Paths.Runs, id, "--resume", GepaRun.Kind);
            id = Path.GetFileName(directory);

            using var store = RunStore.OpenReadOnly(directory, time);
            var info = store.LoadInfo();
            if (info.Kind != GepaRun.Kind)
            {
                throw new InputException("--resume", null, null, $"run '{id}' is an {info.Kind} run, not an optimization");
            }

            return (directory, Restore(JsonSerializer.Deserialize<StoredOptions>(info.OptionsJson, Json)!, options));
        }

        if (!Directory.Exists(options.Paths.Runs) || options.Suite is null)
        {
            return null;
        }

        // A plain re-run of an interrupted run continues it: same suite, same options, not finished.
        foreach (var directory in Directory.GetDirectories(options.Paths.Runs).Order(StringComparer.Ordinal).Reverse())
        {
            if (!File.Exists(Path.Combine(directory, RunStore.FileName)))
            {
                continue;
            }

            using var store = RunStore.OpenReadOnly(directory, time);
            var info = store.LoadInfo();
            if (info.Kind != GepaRun.Kind || info.Status == RunStatus.Finished || info.Suite != options.Suite)
            {
                continue;
            }

            var stored = JsonSerializer.Deserialize<StoredOptions>(info.OptionsJson, Json)!;
            var wanted = stored with { Model = options.Model ?? stored.Model, ReflectionModel = options.ReflectionModel ?? stored.ReflectionModel };
            var mine = Stored(options with { Model = wanted.Model, ReflectionModel = wanted.ReflectionModel }, options.Suite, stored.SuiteHash);
            if (JsonSerializer.Serialize(mine, Json) == JsonSerializer.Serialize(wanted, Json) && !RunLock.IsHeld(directory))
            {
                return (directory, Restore(stored, options));
            }
        }

        return null;
    }

    private static StoredOptions Stored(GepaOptions o, string suite, string suiteHash) => new(
        suite, o.Agent, o.Model, o.ReflectionModel, o.Budget, o.Batch, o.Seed, ParentSelectors.Name(o.Selection), o.Merge, o.Minibatch, o.Repeat,
        o.Patience, o.TargetScore, o.Accept.Text, o.Components, SandboxLevelNames.Name(o.Sandbox), suiteHash, o.Finalists,
        o.ValidationRepeat, o.Revalidate, o.Lessons, o.LengthCost, o.MaxGrowth, o.MaxChars, o.Combine ? true : null, o.JudgeModel);

    private static GepaOptions Restore(StoredOptions s, GepaOptions current) => current with
    {
        Suite = s.Suite, Agent = s.Agent, Model = s.Model, ReflectionModel = s.ReflectionModel, Budget = s.Budget, Batch = s.Batch, Seed = s.Seed,
        Selection = ParentSelectors.Named.First(n => n.Name == s.Selection).Value, Merge = s.Merge, Minibatch = s.Minibatch, Repeat = s.Repeat, Patience = s.Patience, TargetScore = s.TargetScore,
        Accept = AcceptanceRule.Parse(s.Accept), Components = s.Components, Sandbox = SandboxLevelNames.Parse(s.Sandbox), Finalists = s.Finalists ?? current.Finalists,
        ValidationRepeat = s.ValidationRepeat, Revalidate = s.Revalidate ?? 0, Lessons = s.Lessons ?? 0, LengthCost = s.LengthCost ?? 0,
        MaxGrowth = s.MaxGrowth, MaxChars = s.MaxChars ?? GepaOptions.DefaultMaxChars, Combine = s.Combine ?? false, JudgeModel = s.JudgeModel,
    };

    private sealed record StoredOptions(
        string Suite, string? Agent, string? Model, string? ReflectionModel, int Budget, int Batch, int Seed, string Selection, bool Merge,
        int Minibatch, int? Repeat, int Patience, double? TargetScore, string Accept, IReadOnlyList<string>? Components, string Sandbox, string SuiteHash,
        int? Finalists = null, // the finalist count sizes the holdout reserve, so a resume must keep it; null in runs made before it existed
        int? ValidationRepeat = null,
        int? Revalidate = null, // null in runs made before the final pick: they resume without one, as they started
        int? Lessons = null,
        double? LengthCost = null,
        int? MaxGrowth = null,
        int? MaxChars = null,
        bool? Combine = null, // null unless --combine, so a run without it stores (and matches) what older runs stored
        string? JudgeModel = null); // null unless --judge-model, likewise
}
