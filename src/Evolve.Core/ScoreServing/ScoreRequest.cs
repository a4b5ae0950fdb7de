using Evolve.Core.Suites;

namespace Evolve.Core.ScoreServing;

/// <summary>One scoring request: a candidate's texts, the cases, the repeats and the model.</summary>
public sealed record ScoreRequest
{
    /// <summary>Component file (e.g. <c>system.sbn</c>) to text, replacing the agent's live file; the others stay live. Default none: the live files.</summary>
    public IReadOnlyDictionary<string, string> Components { get; init; } = new Dictionary<string, string>();

    /// <summary>The case ids to score, in any order; null or empty for every case of <see cref="Split"/>.</summary>
    public IReadOnlyList<string>? Cases { get; init; }

    /// <summary>The split the cases come from; null (default) for all.</summary>
    public Split? Split { get; init; }

    /// <summary>Repeats per case; default the suite's.</summary>
    public int? Repeat { get; init; }

    /// <summary>The task model URI; default the agent's, else <c>sim</c>.</summary>
    public string? Model { get; init; }
}
