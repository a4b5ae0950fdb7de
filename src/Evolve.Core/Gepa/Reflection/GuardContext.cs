using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Prompts;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// What <see cref="CandidateGuard"/> checks a child against: the agent, its seed, the candidates
/// that exist, and the training answers that must not leak into a prompt. The seed's templates and
/// heuristics are parsed once here, not once per child.
/// </summary>
public sealed class GuardContext
{
    /// <summary>Creates the context; validates <paramref name="options"/> and parses the seed.</summary>
    /// <param name="profile">The agent: which components are templates or heuristics, and its sample variables.</param>
    /// <param name="seedComponents">The seed candidate's components (component name to text).</param>
    /// <param name="existingCandidateIds">
    /// Ids of every candidate already made. Read at each check, so the caller may pass a set it keeps
    /// adding to (but not while a check runs).
    /// </param>
    /// <param name="referenceAnswers">The training cases' reference answers.</param>
    /// <param name="options">Limits; default <see cref="GuardOptions"/> as constructed.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="InputException">A seed template or the seed heuristics do not parse.</exception>
    public GuardContext(
        AgentProfile profile,
        IReadOnlyDictionary<string, string> seedComponents,
        IReadOnlySet<string> existingCandidateIds,
        IEnumerable<string> referenceAnswers,
        GuardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(seedComponents);
        ArgumentNullException.ThrowIfNull(existingCandidateIds);
        ArgumentNullException.ThrowIfNull(referenceAnswers);
        Options = options ?? new GuardOptions();
        Options.Validate();
        Profile = profile;
        SeedComponents = seedComponents;
        ExistingCandidateIds = existingCandidateIds;
        ReferenceAnswers = referenceAnswers.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        SeedTemplates = seedComponents
            .Where(c => IsTemplate(c.Key))
            .ToDictionary(c => c.Key, c => PromptTemplate.Parse(c.Value, Path.Combine(profile.Directory, c.Key)), StringComparer.Ordinal);
        SeedHeuristics = profile.Heuristics is { } file && seedComponents.TryGetValue(file, out var yaml)
            ? Heuristics.Parse(yaml, Path.Combine(profile.Directory, file))
            : null;
    }

    /// <summary>The agent profile.</summary>
    public AgentProfile Profile { get; }

    /// <summary>The seed's components.</summary>
    public IReadOnlyDictionary<string, string> SeedComponents { get; }

    /// <summary>Ids of the candidates that already exist.</summary>
    public IReadOnlySet<string> ExistingCandidateIds { get; }

    /// <summary>The training reference answers (blank ones left out).</summary>
    public IReadOnlyList<string> ReferenceAnswers { get; }

    /// <summary>The limits.</summary>
    public GuardOptions Options { get; }

    internal IReadOnlyDictionary<string, PromptTemplate> SeedTemplates { get; }

    internal Heuristics? SeedHeuristics { get; }

    /// <summary>True for the heuristics document; every other component is text a model reads.</summary>
    internal bool IsHeuristics(string component) => component == Profile.Heuristics;

    /// <summary>True for Scriban templates: the system and task templates, and any other <c>.sbn</c> file.</summary>
    internal bool IsTemplate(string component) =>
        component == Profile.System || component == Profile.Task ||
        (!IsHeuristics(component) && component.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase));
}
