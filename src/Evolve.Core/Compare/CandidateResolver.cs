using Evolve.Core.Evaluation;
using Evolve.Core.Gepa;
using Evolve.Core.Runs;
using Evolve.Core.Suites;
using Evolve.Core.Workspace;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Library;

namespace Evolve.Core.Compare;

/// <summary>
/// Turns a <see cref="CandidateReference"/> into texts and a profile, reading only: files, the
/// library's history and run databases (opened read-only). Every failure is an
/// <see cref="InputException"/> naming the argument.
/// </summary>
internal static class CandidateResolver
{
    /// <summary>Largest prompt file read (a device or a huge file is refused, not read forever).</summary>
    public const int MaxPromptFileBytes = 1 << 20;

    public static ResolvedCandidate Resolve(CandidateReference reference, Suite suite, WorkspacePaths paths, TimeProvider time)
    {
        try
        {
            var resolved = reference.Kind switch
            {
                CandidateReferenceKind.PromptFile => FromPromptFile(reference, AgentProfileLoader.Load(paths.Prompts, suite.Agent)),
                CandidateReferenceKind.AgentFolder => FromFolder(reference),
                CandidateReferenceKind.LibraryVersion => FromLibrary(reference, paths, time),
                _ => FromRun(reference, paths, time),
            };

            // Parse now, so a candidate that cannot run is bad input before anything is written.
            AgentDefinition.Create(resolved.Profile, resolved.Candidate.Components);
            return resolved;
        }
        catch (InputException ex) when (ex.Errors.All(e => e.File != reference.Argument))
        {
            throw new InputException(ex.Errors.Select(e => new InputError(reference.Argument, null, reference.Text, e.ToString())).ToList());
        }
    }

    private static ResolvedCandidate FromPromptFile(CandidateReference reference, AgentProfile profile)
    {
        var path = reference.Path!;
        var replacement = ReadBounded(reference, path);
        return new(reference, PromptFileCandidate.Create(profile, path, replacement), profile, $"prompt file {path} as {profile.Name}/{profile.PrimaryComponent}");
    }

    private static ResolvedCandidate FromFolder(CandidateReference reference)
    {
        var folder = Path.TrimEndingDirectorySeparator(reference.Path!);
        var profile = AgentProfileLoader.Load(Path.GetDirectoryName(folder)!, Path.GetFileName(folder));
        return new(reference, new Candidate(AgentDefinition.ReadComponents(profile), @operator: "folder"), profile, $"agent folder {folder}");
    }

    private static ResolvedCandidate FromLibrary(CandidateReference reference, WorkspacePaths paths, TimeProvider time)
    {
        var agent = reference.Name!;
        if (!Directory.Exists(paths.Prompts))
        {
            throw CandidateReference.Error(reference.Argument, reference.Text, $"the prompts folder {paths.Prompts} does not exist");
        }

        var library = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = paths.Prompts, TimeProvider = time });
        var profile = AgentProfileLoader.Load(paths.Prompts, agent);
        var channels = library.Channels(agent);
        int? version = reference.Selector switch
        {
            "live" => channels?.Live.Version,
            "canary" => channels is null ? null : channels.Canary.Version
                ?? throw CandidateReference.Error(reference.Argument, reference.Text, $"agent '{agent}' has no canary deployed"),
            _ => channels is null ? null : int.Parse(reference.Selector!, System.Globalization.CultureInfo.InvariantCulture),
        };
        if (version is null)
        {
            // No history yet: live is the files as they are; nothing else exists.
            return reference.Selector == "live"
                ? new(reference, new Candidate(AgentDefinition.ReadComponents(profile), @operator: "live"), profile, $"library {agent} live files (no history yet)")
                : throw CandidateReference.Error(reference.Argument, reference.Text, $"agent '{agent}' has no version history yet (only {agent}@live exists)");
        }

        var snapshot = library.Show(agent, version.Value);
        var channel = reference.Selector is "live" or "canary" ? $" ({reference.Selector})" : "";
        return new(reference, new Candidate(snapshot.Files, @operator: snapshot.Metadata.Operator), profile, $"library {agent} version {version}{channel}");
    }

    private static ResolvedCandidate FromRun(CandidateReference reference, WorkspacePaths paths, TimeProvider time)
    {
        string directory;
        try
        {
            directory = RunCatalog.Find(paths.Runs, reference.Name!, reference.Argument, GepaRun.Kind);
        }
        catch (InputException ex)
        {
            throw CandidateReference.Error(reference.Argument, reference.Text, ex.Errors[0].Message);
        }
        RunInfo info;
        Candidate candidate;
        try
        {
            using var store = RunStore.OpenReadOnly(directory, time);
            info = store.LoadInfo();
            candidate = RunCandidateSelector.Select(store, reference);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            throw CandidateReference.Error(reference.Argument, reference.Text, $"run {Path.GetFileName(directory)} is unreadable: {ex.Message}");
        }

        var profile = AgentProfileLoader.Load(paths.Prompts, info.Agent);
        return new(reference, candidate, profile, $"run {info.Id} ({info.Kind})");
    }

    private static string ReadBounded(CandidateReference reference, string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[MaxPromptFileBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total > MaxPromptFileBytes
            ? throw CandidateReference.Error(reference.Argument, reference.Text, $"is larger than {MaxPromptFileBytes} bytes; a prompt file is a template")
            : System.Text.Encoding.UTF8.GetString(buffer, 0, total).TrimStart('\uFEFF');
    }
}
