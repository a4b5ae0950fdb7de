namespace Evolve.Core.Compare;

/// <summary>What a side of <c>evolve compare</c> names.</summary>
public enum CandidateReferenceKind
{
    /// <summary>A template file replacing the agent's primary (system) template: <c>my-system.sbn</c>.</summary>
    PromptFile,

    /// <summary>An agent folder with an agent.yaml, taken whole: <c>prompts/coding</c>.</summary>
    AgentFolder,

    /// <summary>A library version: <c>coding@live</c>, <c>coding@canary</c>, <c>coding@3</c>.</summary>
    LibraryVersion,

    /// <summary>A run's candidate: <c>RUN</c>, <c>RUN:best</c>, <c>RUN:seed</c> or <c>RUN:3f2a</c> (prefixes allowed).</summary>
    RunCandidate,
}
