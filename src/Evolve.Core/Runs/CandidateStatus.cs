namespace Evolve.Core.Runs;

/// <summary>
/// A stored candidate's fate in its run. Stored as the text <see cref="CandidateStatusNames"/> gives,
/// never as a number, so run databases stay readable with sqlite3 and older runs still load.
/// </summary>
public enum CandidateStatus
{
    /// <summary>Scored by an eval run (the column's default).</summary>
    Evaluated,

    /// <summary>Validated and joined the optimizer's pool (reports call it accepted).</summary>
    Pool,

    /// <summary>Did not beat its parent on the minibatch, or a merge that failed its gate.</summary>
    Rejected,

    /// <summary>Refused by the guards before any rollout.</summary>
    Guarded,

    /// <summary>Stopped early in validation: it could no longer match its parent.</summary>
    Raced,

    /// <summary>Accepted on its minibatch but left unvalidated for lack of budget.</summary>
    Unvalidated,

    /// <summary>The baseline side of a compare run.</summary>
    CompareA,

    /// <summary>The challenger side of a compare run.</summary>
    CompareB,

    /// <summary>Both sides of a compare run (A and B are the same texts).</summary>
    CompareBoth,
}
