using System.Text.Json.Nodes;

namespace Evolve.Kernel.Library;

/// <summary>One immutable version of an agent's artifact set, as stored in <c>.history/versions/N/version.json</c>.</summary>
public sealed record LibraryVersion
{
    /// <summary>The version number, from 1.</summary>
    public required int Version { get; init; }

    /// <summary>
    /// SHA-256 of the artifact set by the same rule as <c>Candidate.ComputeId</c>, so a version
    /// promoted from a run has the candidate's id as its hash.
    /// </summary>
    public required string Sha256 { get; init; }

    /// <summary>The artifact file names in the set, in ordinal order.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Versions this one was made from.</summary>
    public IReadOnlyList<int> Parents { get; init; } = [];

    /// <summary>How it was made (seed, reflect, merge, manual, ...).</summary>
    public required string Operator { get; init; }

    /// <summary>The run it came from, or null.</summary>
    public string? RunId { get; init; }

    /// <summary>The candidate it came from, or null.</summary>
    public string? CandidateId { get; init; }

    /// <summary>Evidence per target model, or null.</summary>
    public JsonObject? Evidence { get; init; }

    /// <summary>Gate results, or null.</summary>
    public JsonObject? Gates { get; init; }

    /// <summary>When it was added (from the library's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
