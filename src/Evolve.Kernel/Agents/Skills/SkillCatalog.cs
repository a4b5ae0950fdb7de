namespace Evolve.Kernel.Agents.Skills;

/// <summary>
/// The skills of one agent (<c>prompts/&lt;agent&gt;/skills/&lt;name&gt;/SKILL.md</c>), validated at
/// load. Lookups are by exact name only, never by path, so a hostile name cannot reach a file.
/// </summary>
public sealed class SkillCatalog
{
    private readonly Dictionary<string, Skill> _byName;

    private SkillCatalog(IReadOnlyList<Skill> skills)
    {
        Skills = skills;
        _byName = skills.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>A catalog with no skills.</summary>
    public static SkillCatalog Empty { get; } = new([]);

    /// <summary>The skills, ordered by name (the prompt's index order).</summary>
    public IReadOnlyList<Skill> Skills { get; }

    /// <summary>Builds a catalog from already validated skills (tests, other sources).</summary>
    public static SkillCatalog From(IEnumerable<Skill> skills) => new([.. skills.OrderBy(s => s.Name, StringComparer.Ordinal)]);

    /// <summary>The skill named exactly <paramref name="name"/>, or null.</summary>
    public Skill? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Loads the skills under <paramref name="agentDirectory"/>; no folder means no skills. Any bad
    /// skill (name, front matter, size, a symbolic link) fails the whole load with every problem listed.
    /// </summary>
    public static SkillCatalog Load(string agentDirectory)
    {
        var root = Path.Combine(agentDirectory, SkillDefaults.FolderName);
        if (!Directory.Exists(root))
        {
            return Empty;
        }

        var errors = new List<InputError>();
        var skills = new List<Skill>();
        foreach (var folder in new DirectoryInfo(root).EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var file = new FileInfo(Path.Combine(folder.FullName, SkillDefaults.FileName));
            if (folder.LinkTarget is not null || (file.Exists && file.LinkTarget is not null))
            {
                errors.Add(new InputError(file.FullName, null, "path", "skills may not be symbolic links (they could point outside the agent folder)"));
                continue;
            }

            if (!SkillFile.IsValidName(folder.Name))
            {
                errors.Add(new InputError(folder.FullName, null, "name", $"folder name '{folder.Name}' is not a valid skill name"));
                continue;
            }

            if (!file.Exists)
            {
                errors.Add(new InputError(file.FullName, null, "path", $"skill folder '{folder.Name}' has no {SkillDefaults.FileName}"));
                continue;
            }

            if (file.Length > SkillDefaults.MaxBodyChars * 4L)
            {
                errors.Add(new InputError(file.FullName, null, "body", $"{file.Length} bytes is over the cap of {SkillDefaults.MaxBodyChars} characters"));
                continue;
            }

            if (SkillFile.Parse(file.FullName, folder.Name, InputText.Read(file.FullName), errors) is { } skill)
            {
                skills.Add(skill);
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : From(skills);
    }
}
