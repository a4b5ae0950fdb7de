namespace Evolve.Kernel.Providers.Sim;

/// <summary>What kind of answer a case expects; decides how the simulator formats and corrupts it.</summary>
public enum SimAnswerKind
{
    /// <summary>Free text; corruption swaps or drops words.</summary>
    Text,

    /// <summary>Python source; correct answers come in a fenced python block, corruption breaks the logic.</summary>
    Code,

    /// <summary>A JSON document; corruption drops or alters a field.</summary>
    Json,

    /// <summary>A number; corruption moves it off by a little.</summary>
    Number,
}

/// <summary>
/// The reference answer of a case, handed to the simulator through its <see cref="SimOracleLookup"/>;
/// never part of a request.
/// </summary>
/// <param name="CaseId">The case id; part of the deterministic draw.</param>
/// <param name="Reference">The reference answer or reference solution.</param>
/// <param name="Kind">How to format and corrupt the answer.</param>
/// <param name="Cues">Salient phrases (hints, tags, hidden test names) the system prompt should mention.</param>
/// <param name="Difficulty">0 (trivial) to 1 (very hard); sets the base probability of a right answer.</param>
/// <param name="BorrowedCues">
/// The cues this case shares with just one other case of its suite and that are not among its own
/// hints; profile v2 counts them less (see <c>SimCueWeights</c>). Null or empty: every cue counts fully.
/// </param>
public sealed record SimOracle(
    string CaseId,
    string Reference,
    SimAnswerKind Kind,
    IReadOnlyList<string> Cues,
    double Difficulty,
    IReadOnlyList<string>? BorrowedCues = null);
