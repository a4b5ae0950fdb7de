using System.Text.Json.Serialization;
using Evolve.Core.Stats;

namespace Evolve.Core.Reports.Run;

/// <summary>One stored holdout comparison: the seed (A) against a finalist (B).</summary>
internal sealed record FinalistRow
{
    /// <summary>0 for the best by validation.</summary>
    public required int Rank { get; init; }

    public required string CandidateId { get; init; }

    public required double ValMean { get; init; }

    /// <summary>Holdout cases compared.</summary>
    public required int Cases { get; init; }

    public required double SeedMean { get; init; }

    public required double FinalistMean { get; init; }

    public required double Difference { get; init; }

    public required double CiLower { get; init; }

    public required double CiUpper { get; init; }

    public required double PValue { get; init; }

    /// <summary>p-value after Holm correction across the finalists.</summary>
    public required double HolmP { get; init; }

    public required int Wins { get; init; }

    public required int Ties { get; init; }

    public required int Losses { get; init; }

    /// <summary>Written by name in report.json: BBetter, ABetter, NoSignificantDifference, Inconclusive or InsufficientData.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
    public required Verdict Verdict { get; init; }

    public required string Explanation { get; init; }
}
