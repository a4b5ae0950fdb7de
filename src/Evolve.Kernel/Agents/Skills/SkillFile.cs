using System.Text.RegularExpressions;
using Evolve.Kernel.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Evolve.Kernel.Agents.Skills;

/// <summary>Parses and validates one SKILL.md; every problem becomes an <see cref="InputError"/>.</summary>
internal static partial class SkillFile
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex NamePattern();

    /// <summary>True when <paramref name="name"/> is a well-formed skill name.</summary>
    public static bool IsValidName(string name) =>
        name.Length <= SkillDefaults.MaxNameLength && NamePattern().IsMatch(name);

    public static Skill? Parse(string path, string folderName, string text, List<InputError> errors)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            errors.Add(new InputError(path, 1, "front matter", "a skill must start with '---' front matter holding name and description"));
            return null;
        }

        var end = normalized.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            errors.Add(new InputError(path, 1, "front matter", "front matter is not closed by '---'"));
            return null;
        }

        Dictionary<string, object?>? fields;
        try
        {
            var frontMatter = normalized[4..end];
            BoundedYaml.Check(frontMatter, path);
            fields = Yaml.Deserialize<Dictionary<string, object?>>(frontMatter);
        }
        catch (InputException ex)
        {
            // The front matter starts on the file's second line.
            errors.AddRange(ex.Errors.Select(e => e with { Line = e.Line + 1 }));
            return null;
        }
        catch (YamlException ex)
        {
            errors.Add(new InputError(path, (int)ex.Start.Line + 1, "front matter", (ex.InnerException ?? ex).Message));
            return null;
        }

        var before = errors.Count;
        var name = (fields?.GetValueOrDefault("name") as string)?.Trim() ?? "";
        var description = (fields?.GetValueOrDefault("description") as string)?.Trim() ?? "";
        if (!IsValidName(name))
        {
            errors.Add(new InputError(path, null, "name", $"'{name}' must match ^[a-z0-9]+(-[a-z0-9]+)*$ and be at most {SkillDefaults.MaxNameLength} characters"));
        }
        else if (!string.Equals(name, folderName, StringComparison.Ordinal))
        {
            errors.Add(new InputError(path, null, "name", $"'{name}' must equal its folder name '{folderName}'"));
        }

        if (description.Length == 0 || description.Length > SkillDefaults.MaxDescriptionLength)
        {
            errors.Add(new InputError(path, null, "description", $"must be 1 to {SkillDefaults.MaxDescriptionLength} characters, not {description.Length}"));
        }

        var bodyStart = normalized.IndexOf('\n', end + 4);
        var body = bodyStart < 0 ? "" : normalized[(bodyStart + 1)..].Trim();
        if (body.Length > SkillDefaults.MaxBodyChars)
        {
            errors.Add(new InputError(path, null, "body", $"{body.Length} characters is over the cap of {SkillDefaults.MaxBodyChars}"));
        }

        return errors.Count == before ? new Skill(name, description, body) : null;
    }
}
