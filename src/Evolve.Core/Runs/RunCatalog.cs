using System.Text.Json;
using Evolve.Kernel;

namespace Evolve.Core.Runs;

/// <summary>
/// Every run under a runs folder, read without writing: databases are opened read-only (never
/// creating a file), and a corrupt or foreign <c>run.db</c> becomes a listing with status
/// <see cref="Unreadable"/> and the reason instead of an exception.
/// </summary>
public static class RunCatalog
{
    /// <summary>Status of a run whose database cannot be read.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Every folder with a run.db under <paramref name="runsDirectory"/>, newest first (ids start with the start time).</summary>
    public static IReadOnlyList<RunListing> List(string runsDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!Directory.Exists(runsDirectory))
        {
            return [];
        }

        // Newest first by start time; unreadable runs (no start time) last, by id.
        return RunFolders(runsDirectory).Select(d => Read(d, time).Listing)
            .OrderByDescending(r => r.StartedAt ?? DateTimeOffset.MinValue).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One run in detail; throws <see cref="InputException"/> naming RUN when there is no such run.</summary>
    public static RunDetails Show(string runsDirectory, string run, TimeProvider time) => Read(Find(runsDirectory, run, "RUN"), time);

    /// <summary>The name of the newest run, accepted wherever a run id is.</summary>
    public const string Latest = "latest";

    /// <summary>
    /// The folder of run <paramref name="run"/>: an exact id, else a unique prefix of one, or
    /// <see cref="Latest"/> for the newest run (of <paramref name="kind"/> when given). Only plain
    /// names are accepted, so no input leaves the runs folder. Errors name <paramref name="argument"/>.
    /// </summary>
    public static string Find(string runsDirectory, string run, string argument, string? kind = null)
    {
        if (string.IsNullOrEmpty(run) || run.IndexOfAny(['/', '\\', '\0']) >= 0 || run is "." or ".." || Path.IsPathRooted(run))
        {
            throw new InputException(argument, null, run, "a run id is a plain folder name under the runs folder");
        }

        if (run == Latest)
        {
            // Listing reads no clock: the system one is as good as any.
            return List(runsDirectory, TimeProvider.System).FirstOrDefault(r => kind is null || r.Kind == kind)?.Directory
                ?? throw new InputException(argument, null, run, $"no {(kind is null ? "" : kind + " ")}run under {runsDirectory} yet (evolve runs list shows them)");
        }

        var exact = Path.Combine(runsDirectory, run);
        if (File.Exists(Path.Combine(exact, RunStore.FileName)))
        {
            return exact;
        }

        var matches = Directory.Exists(runsDirectory)
            ? RunFolders(runsDirectory).Where(d => Path.GetFileName(d).StartsWith(run, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InputException(argument, null, run, $"no run with this id or id prefix under {runsDirectory} (evolve runs list shows them)"),
            _ => throw new InputException(argument, null, run,
                $"matches {matches.Count} runs ({string.Join(", ", matches.Take(5).Select(Path.GetFileName))}{(matches.Count > 5 ? ", ..." : "")}); give more of the id"),
        };
    }

    private static IEnumerable<string> RunFolders(string runsDirectory) =>
        Directory.EnumerateDirectories(runsDirectory)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, RunStore.FileName)));

    private static RunDetails Read(string directory, TimeProvider time)
    {
        var id = Path.GetFileName(directory);
        try
        {
            using var store = RunStore.OpenReadOnly(directory, time);
            return RunSummarizer.Summarize(store, directory, time);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or JsonException or FormatException or IOException or InputException)
        {
            var listing = new RunListing { Id = id, Directory = directory, Status = Unreadable, Note = Reason(ex) };
            return new RunDetails { Listing = listing, Options = "", Candidates = 0, Reports = RunSummarizer.Reports(directory) };
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 1 } sql when sql.Message.Contains("no such table", StringComparison.Ordinal) =>
            $"not an evolve run database ({sql.Message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal).Trim('.', '\'')})",
        Microsoft.Data.Sqlite.SqliteException sql => sql.Message.Replace($"SQLite Error {sql.SqliteErrorCode}: ", "", StringComparison.Ordinal).Trim('\'', '.'),
        _ => ex.Message,
    };
}
