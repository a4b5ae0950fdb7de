namespace Evolve.Kernel.Agents.Skills;

/// <summary>One validated skill: the index shows name and description; the body is read on demand.</summary>
/// <param name="Name">Lowercase kebab-case name, equal to its folder name.</param>
/// <param name="Description">What the skill is for (shown in the prompt's index).</param>
/// <param name="Body">The text after the front matter.</param>
public sealed record Skill(string Name, string Description, string Body);
