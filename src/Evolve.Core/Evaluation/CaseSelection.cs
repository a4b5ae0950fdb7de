using Evolve.Core.Suites;
using Evolve.Kernel;

namespace Evolve.Core.Evaluation;

/// <summary>
/// The cases an evaluation runs: a split (or all), narrowed to ids named with <c>--case</c> or
/// listed in a <c>--cases</c> file, so a peer or a user re-scoring a few cases pays for those only.
/// Every unknown id is an error naming where it was written; nothing runs then.
/// </summary>
public static class CaseSelection
{
    /// <summary>Largest <c>--cases</c> file read; an id list is small.</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <summary>The cases of <paramref name="suite"/> in <paramref name="split"/> (null: all) that <paramref name="ids"/> and <paramref name="casesFile"/> name (neither: all of them), in suite order.</summary>
    /// <exception cref="InputException">An id that is not in the suite or not in the split, an unreadable file, or no case left.</exception>
    public static List<EvalCase> Select(Suite suite, Split? split, IReadOnlyList<string>? ids, string? casesFile)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var inSplit = split is { } s ? suite.InSplit(s).ToList() : [.. suite.Cases];
        // Each id with where it was written: the flag, or the file and line.
        var wanted = (ids ?? []).Select(id => (Id: id.Trim(), File: "--case", Line: (int?)null))
            .Concat(casesFile is null ? [] : ReadFile(casesFile).Select(line => (line.Id, File: casesFile, Line: (int?)line.Number)))
            .ToList();
        var byId = suite.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var errors = new List<InputError>();
        foreach (var (id, file, line) in wanted)
        {
            var problem = !byId.TryGetValue(id, out var found)
                ? $"no case '{id}' in suite {suite.Name}{NameSuggestion.DidYouMean(id, byId.Keys)}"
                : !inSplit.Contains(found) ? $"case '{id}' is in split {SplitNames.Name(found.Split ?? Split.Train)}, not {SplitNames.Name(split)}" : null;
            if (problem is not null)
            {
                errors.Add(new InputError(file, line, null, problem));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var named = wanted.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var chosen = named.Count == 0 ? inSplit : inSplit.Where(c => named.Contains(c.Id)).ToList();
        return chosen.Count > 0
            ? chosen
            : throw new InputException(Path.Combine(suite.Directory, "suite.yaml"), null, "--split", $"the suite has no cases in split '{SplitNames.Name(split)}'");
    }

    // One id per line; blank lines and lines starting with # are skipped.
    private static IEnumerable<(string Id, int Number)> ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException("--cases", null, null, $"file not found: {path}");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InputException(path, null, null, $"is larger than {MaxFileBytes} bytes; a --cases file lists case ids, one per line");
        }

        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var id = lines[i].Trim();
            if (id.Length > 0 && !id.StartsWith('#'))
            {
                yield return (id, i + 1);
            }
        }
    }
}
