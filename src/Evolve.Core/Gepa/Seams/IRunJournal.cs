using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;

namespace Evolve.Core.Gepa.Seams;

/// <summary>
/// What the engine writes about a run and reads back when it resumes: candidates and their fates,
/// finished generations with their events, the final pick, and reflection replies (so a resumed run
/// replays them instead of asking again). <see cref="RunStore"/> is the real one.
/// </summary>
public interface IRunJournal
{
    /// <summary>Records a candidate and its fate; a replayed fate replaces the stored one, a refusal never does.</summary>
    void SaveCandidate(Candidate candidate, CandidateStatus status, object info);

    /// <summary>
    /// Records a finished generation with the proposals it skipped. A generation recorded before (a
    /// replay) only has its summary replaced; a new one gets its events too, all in one transaction,
    /// so a crash never leaves a generation's events half written or written twice.
    /// </summary>
    void SaveGeneration(GenerationSummary summary, IReadOnlyList<ProposalSkippedEvent> skipped);

    /// <summary>Records the final pick once: a resumed run that picks again (the same, by replay) adds nothing.</summary>
    void SaveFinalPick(FinalPickEvent pick);

    /// <summary>A stored reflection reply for <paramref name="key"/>, or null.</summary>
    (string Reply, string? FinishReason)? FindReflection(string key);

    /// <summary>Stores a reflection prompt and its reply (idempotent).</summary>
    void SaveReflection(string key, string model, string prompt, string reply, string? finishReason);
}
