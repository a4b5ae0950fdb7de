namespace Evolve.Core.Reports.Insights;

/// <summary>What the k-means model says about one row, in ML.NET's default column names.</summary>
internal sealed class FailureAssignment
{
    /// <summary>The nearest cluster, 1-based.</summary>
    public uint PredictedLabel { get; set; }

    /// <summary>Squared distances to every centroid, in cluster order.</summary>
    public float[] Score { get; set; } = [];
}
