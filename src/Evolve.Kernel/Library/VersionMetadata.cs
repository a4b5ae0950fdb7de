using System.Text.Json.Nodes;

namespace Evolve.Kernel.Library;

/// <summary>What a caller says about a version it adds; the library adds the number, hash and time.</summary>
public sealed record VersionMetadata
{
    /// <summary>Versions this one was made from (empty for a seed).</summary>
    public IReadOnlyList<int> Parents { get; init; } = [];

    /// <summary>How it was made: seed, reflect, merge, manual (default) or another lower-case word.</summary>
    public string Operator { get; init; } = "manual";

    /// <summary>The optimizer run it came from, or null.</summary>
    public string? RunId { get; init; }

    /// <summary>The candidate id within that run, or null.</summary>
    public string? CandidateId { get; init; }

    /// <summary>
    /// Free-form evidence, by convention keyed by target model: suite, suite hash, split, n,
    /// score, CI, baseline score, cost. Stored as given (copied).
    /// </summary>
    public JsonObject? Evidence { get; init; }

    /// <summary>Free-form gate results (gate name to outcome). Stored as given (copied).</summary>
    public JsonObject? Gates { get; init; }
}
