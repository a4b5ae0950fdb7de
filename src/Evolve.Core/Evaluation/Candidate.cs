namespace Evolve.Core.Evaluation;

/// <summary>
/// One version of an agent's artifacts: component name (artifact file) to text, identified by a
/// SHA-256 over the sorted pairs so the same texts always give the same id.
/// </summary>
public sealed record Candidate
{
    /// <summary>Creates a candidate and computes its id.</summary>
    public Candidate(IReadOnlyDictionary<string, string> components, IReadOnlyList<string>? parents = null, string @operator = "seed", int generation = 0)
    {
        Components = components;
        Parents = parents ?? [];
        Operator = @operator;
        Generation = generation;
        Id = ComputeId(components);
    }

    /// <summary>Full SHA-256 hex of the sorted component pairs.</summary>
    public string Id { get; }

    /// <summary>The first 12 hex digits of <see cref="Id"/>, for display.</summary>
    public string ShortId => Id[..12];

    /// <summary>Component name to artifact text.</summary>
    public IReadOnlyDictionary<string, string> Components { get; }

    /// <summary>Ids of the candidates it was made from.</summary>
    public IReadOnlyList<string> Parents { get; }

    /// <summary>How it was made: seed, prompt-file, reflect, merge, numeric.</summary>
    public string Operator { get; }

    /// <summary>The optimizer generation that made it (0 for seeds).</summary>
    public int Generation { get; }

    /// <summary>The hash: each pair as name, NUL, text, NUL, in ordinal order of names.</summary>
    /// <remarks>The library's content hash, so a version promoted from a run carries the candidate's id as its hash.</remarks>
    public static string ComputeId(IReadOnlyDictionary<string, string> components) => Kernel.Library.ContentHash.Compute(components);
}
