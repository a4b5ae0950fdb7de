namespace Evolve.Kernel.Agents.Skills;

/// <summary>Limits on skills (agentskills.io format, Hermes' body cap).</summary>
public static class SkillDefaults
{
    /// <summary>The folder under an agent that holds skills.</summary>
    public const string FolderName = "skills";

    /// <summary>The file that holds a skill.</summary>
    public const string FileName = "SKILL.md";

    /// <summary>Longest accepted skill name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest accepted description.</summary>
    public const int MaxDescriptionLength = 1024;

    /// <summary>Largest accepted body, in characters; a larger skill is refused, not cut.</summary>
    public const int MaxBodyChars = 100_000;
}
