using Evolve.Core.Runs;

namespace Evolve.Core.Reports.Run;

/// <summary>One candidate's place in the run: lineage, fate, validation score, front membership.</summary>
internal sealed record CandidateRow
{
    public required string Id { get; init; }

    public string ShortId => Reports.ShortId.Of(Id);

    public required IReadOnlyList<string> Parents { get; init; }

    /// <summary>seed, reflect, numeric or merge.</summary>
    public required string Operator { get; init; }

    public required int Generation { get; init; }

    /// <summary>Its fate in the run.</summary>
    public required CandidateStatus Status { get; init; }

    /// <summary>Mean over validation cases of the mean over repeats, or null when it has no validation score.</summary>
    public double? ValMean { get; init; }

    /// <summary>Validation cases it has scores on.</summary>
    public int ValCases { get; init; }

    /// <summary>Characters in all its artifacts together.</summary>
    public required int PromptChars { get; init; }

    /// <summary>Survived Pareto-front pruning.</summary>
    public bool OnFront { get; init; }

    /// <summary>Validation cases on whose front it stands (0 when not on the front).</summary>
    public int FrontCount { get; init; }

    /// <summary>The best or one of its ancestors.</summary>
    public bool OnBestPath { get; init; }

    public bool IsBest { get; init; }
}
