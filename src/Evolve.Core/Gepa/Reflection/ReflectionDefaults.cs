namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// Caps that keep a reflection prompt bounded whatever the agent printed: a minibatch of a few
/// cases must never become a prompt of hundreds of kilobytes.
/// </summary>
internal static class ReflectionDefaults
{
    /// <summary>Most characters of a case's rendered inputs shown.</summary>
    public const int InputsChars = 1_500;

    /// <summary>Most characters of a generated output shown.</summary>
    public const int OutputChars = 1_500;

    /// <summary>Most characters of feedback shown (the <c>Hints:</c> lines are always kept).</summary>
    public const int FeedbackChars = 2_000;

    /// <summary>Most characters of a condensed trace shown.</summary>
    public const int TraceChars = 2_000;

    /// <summary>Most records in one reflective dataset.</summary>
    public const int MaxRecords = 10;

    /// <summary>Most changed lines listed in an edit summary.</summary>
    public const int SummaryLines = 6;

    /// <summary>Most characters of one changed line in an edit summary.</summary>
    public const int SummaryLineChars = 120;

    /// <summary>Most rejected edits listed in one prompt (the most recent ones).</summary>
    public const int MaxRejectedEdits = 12;
}
