using System.Text.RegularExpressions;

namespace Evolve.Kernel.Library;

/// <summary>Which agent and artifact names are allowed: plain names only, so no input can leave <c>prompts/</c>.</summary>
internal static partial class NameRules
{
    /// <summary>Names the history keeps for itself inside a version folder.</summary>
    public const string VersionFile = "version.json";

    public static bool IsValidAgent(string? name) => Identifier.IsValid(name);

    public static bool IsValidArtifact(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 128 && ArtifactPattern().IsMatch(name)
        && !name.Contains("..", StringComparison.Ordinal) && name != VersionFile && name != "agent.yaml";

    /// <summary>Throws an <see cref="InputException"/> unless <paramref name="agent"/> is a plain lower-case name.</summary>
    public static void RequireAgent(string promptsDirectory, string agent)
    {
        if (!IsValidAgent(agent))
        {
            throw new InputException(promptsDirectory, null, "agent", $"'{agent}' is not an agent name ({Identifier.Rule})");
        }
    }

    /// <summary>
    /// The full path of <paramref name="child"/> under <paramref name="root"/>, or an exception if
    /// it would resolve elsewhere or passes through a symbolic link (a link could point anywhere).
    /// </summary>
    public static string Contain(string root, string child)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(Path.Combine(fullRoot, child));
        if (!full.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InputException(root, null, null, $"'{child}' resolves outside {root}");
        }

        for (var path = full; path.Length > fullRoot.Length; path = Path.GetDirectoryName(path)!)
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (info.Exists && info.LinkTarget is not null)
            {
                throw new InputException(path, null, null, "is a symbolic link; the library only follows plain files and folders");
            }
        }

        return full;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ArtifactPattern();
}
