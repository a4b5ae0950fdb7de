using Evolve.Core.Suites;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Evaluation;

/// <summary>One rollout to run (or to reuse, when the run already stored it).</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Agent">The candidate parsed into a runnable agent.</param>
/// <param name="Case">The case.</param>
/// <param name="Repeat">The repeat index.</param>
/// <param name="KeepTrace">Keep the conversation for reflection.</param>
public sealed record RolloutRequest(Candidate Candidate, AgentDefinition Agent, EvalCase Case, int Repeat, bool KeepTrace = false)
{
    /// <summary>The key a rollout is stored under.</summary>
    public (string CandidateId, string CaseId, int Repeat) Key => (Candidate.Id, Case.Id, Repeat);

    /// <summary>One request per case and repeat, case by case (repeats of a case together).</summary>
    public static IReadOnlyList<RolloutRequest> For(Candidate candidate, AgentDefinition agent, IEnumerable<EvalCase> cases, int repeat, bool keepTrace = false, int firstRepeat = 0) =>
        cases.SelectMany(c => Enumerable.Range(firstRepeat, repeat).Select(rep => new RolloutRequest(candidate, agent, c, rep, keepTrace))).ToList();
}
