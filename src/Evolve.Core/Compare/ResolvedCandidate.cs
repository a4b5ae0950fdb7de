using Evolve.Core.Evaluation;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Compare;

/// <summary>A side of a comparison made concrete: the texts to run and the agent profile they run under.</summary>
/// <param name="Reference">The reference as parsed.</param>
/// <param name="Candidate">The artifact texts and their id.</param>
/// <param name="Profile">The agent profile (tools, answer kind, which files are which).</param>
/// <param name="Source">Where the texts came from, for reports, e.g. <c>library coding version 3 (live)</c>.</param>
public sealed record ResolvedCandidate(CandidateReference Reference, Candidate Candidate, AgentProfile Profile, string Source)
{
    /// <summary>The text of the profile's primary component (the system template when there is one).</summary>
    public string PrimaryText => Candidate.Components.GetValueOrDefault(Profile.PrimaryComponent, string.Empty);
}
