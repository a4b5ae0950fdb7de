using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Prompts;
using Evolve.Kernel.Library;

namespace Evolve.Core.Evaluation;

/// <summary>An agent's live artifacts with its primary template (system, else task) replaced by a prompt file's text.</summary>
public static class PromptFileCandidate
{
    /// <summary>
    /// Builds the candidate. The replacement must parse, keep the template's variables and render
    /// with the agent's sample variables; otherwise every problem is reported against <paramref name="path"/>.
    /// One of the agent's own <c>variants</c> is an alternative prompt, as a promptfoo config's
    /// prompts are, so it may read other variables than the primary template.
    /// </summary>
    /// <exception cref="InputException">The replacement is not a usable template.</exception>
    public static Candidate Create(AgentProfile profile, string path, string replacement)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var components = new Dictionary<string, string>(LiveArtifacts.Read(profile), StringComparer.Ordinal);
        var primary = profile.PrimaryComponent;
        var original = PromptTemplate.Parse(components[primary], Path.Combine(profile.Directory, primary));
        var variant = profile.Variants.Any(v => string.Equals(Path.GetFullPath(Path.Combine(profile.Directory, v)), Path.GetFullPath(path), StringComparison.Ordinal));
        var errors = TemplateValidator.Validate(replacement, path, original, profile.SampleVars, keepVariables: !variant);
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        components[primary] = replacement;
        return new Candidate(components, @operator: "prompt-file");
    }
}
