using System.Text.RegularExpressions;
using Evolve.Kernel;

namespace Evolve.Core.Compare;

/// <summary>
/// One side of <c>evolve compare</c> as written, classified by its form, in this order:
/// <c>agent@live|canary|N</c> is a library version; an existing file is a prompt file; an
/// existing folder with an agent.yaml is an agent folder (any other existing folder, a name
/// ending in .sbn or a path with a separator that does not exist is an error); else
/// <c>RUN[:CANDIDATE]</c> is a run candidate,
/// where RUN is a run id or a unique prefix of one and CANDIDATE is <c>best</c> (the default),
/// <c>seed</c> or a unique hex prefix of a candidate id.
/// </summary>
/// <param name="Argument">Which argument it is (A or B), named in every error.</param>
/// <param name="Text">The reference as written.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Path">Full path for a prompt file or agent folder, else null.</param>
/// <param name="Name">Agent (library) or run id or prefix (run), else null.</param>
/// <param name="Selector">Channel or version number (library) or candidate selector (run), else null.</param>
public sealed partial record CandidateReference(string Argument, string Text, CandidateReferenceKind Kind, string? Path, string? Name, string? Selector)
{
    /// <summary>Classifies <paramref name="text"/>; throws <see cref="InputException"/> naming <paramref name="argument"/> when it fits no form.</summary>
    public static CandidateReference Parse(string argument, string? text, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error(argument, text ?? "", "name a prompt file, an agent folder, a library version (agent@live) or a run candidate (RUN[:CANDIDATE])");
        }

        if (text.Contains('\0', StringComparison.Ordinal) || text.Length > 4096)
        {
            throw Error(argument, "(unprintable)", "is not a usable reference");
        }

        if (Library().Match(text) is { Success: true } library)
        {
            return new(argument, text, CandidateReferenceKind.LibraryVersion, null, library.Groups[1].Value, library.Groups[2].Value);
        }

        var full = System.IO.Path.GetFullPath(text, workingDirectory);
        if (File.Exists(full))
        {
            return new(argument, text, CandidateReferenceKind.PromptFile, full, null, null);
        }

        if (Directory.Exists(full) && File.Exists(System.IO.Path.Combine(full, "agent.yaml")))
        {
            return new(argument, text, CandidateReferenceKind.AgentFolder, full, null, null);
        }

        if (Directory.Exists(full))
        {
            throw Error(argument, text, $"folder {full} has no agent.yaml, so it is not an agent folder");
        }

        if (text.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase) || text.IndexOfAny(['/', '\\']) >= 0)
        {
            throw Error(argument, text, $"file not found: {full}");
        }

        if (Run().Match(text) is { Success: true } run && text is not ("." or ".."))
        {
            var selector = run.Groups[2].Success ? run.Groups[2].Value.ToLowerInvariant() : "best";
            return new(argument, text, CandidateReferenceKind.RunCandidate, null, run.Groups[1].Value, selector);
        }

        throw Error(argument, text, "is not a prompt file, an agent folder, a library version (agent@live, agent@canary, agent@3) or a run candidate (RUN, RUN:best, RUN:seed, RUN:3f2a)");
    }

    /// <summary>An error naming the argument and the reference, e.g. <c>A: coding@9: agent 'coding' has no version 9</c>.</summary>
    internal static InputException Error(string argument, string text, string message) => new(argument, null, text, message);

    [GeneratedRegex("^([a-z0-9][a-z0-9._-]{0,63})@(live|canary|[1-9][0-9]{0,8})$")]
    private static partial Regex Library();

    [GeneratedRegex("^([A-Za-z0-9][A-Za-z0-9._-]{0,199})(?::(best|seed|[0-9A-Fa-f]{1,64}))?$")]
    private static partial Regex Run();
}
