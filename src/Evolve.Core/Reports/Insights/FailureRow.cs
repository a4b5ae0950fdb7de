namespace Evolve.Core.Reports.Insights;

/// <summary>One distinct feedback text as ML.NET reads it; the weight is how many failures share it.</summary>
internal sealed class FailureRow
{
    /// <summary>The feedback text.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Number of failures with this exact text, so k-means sees 200 repeats as 200 points.</summary>
    public float Weight { get; set; }
}
