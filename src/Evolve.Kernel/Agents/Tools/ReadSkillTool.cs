using System.ComponentModel;
using Evolve.Kernel.Agents.Skills;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Tools;

/// <summary><c>read_skill</c>: progressive disclosure, the body of one indexed skill on demand.</summary>
internal static class ReadSkillTool
{
    public const string Description = "Load the full instructions of a skill listed in the skills index, by its exact name.";

    public static AIFunction Create(SkillCatalog skills, int maxChars) =>
        AIFunctionFactory.Create(
            ([Description("The skill's name exactly as the index shows it.")] string name) =>
                skills.Find(name) is { } skill
                    ? ToolText.Truncate(skill.Body, maxChars)
                    : $"error: no skill named '{ToolText.Truncate(name, 80)}' (known: {string.Join(", ", skills.Skills.Select(s => s.Name))})",
            ToolNames.ReadSkill,
            Description);
}
