using Evolve.Kernel.Agents;

namespace Evolve.Kernel.Library;

/// <summary>An agent's live artifact texts as a reader that scores or runs it should see them.</summary>
public static class LiveArtifacts
{
    /// <summary>
    /// The texts <see cref="PromptLibrary.LiveFiles"/> gives when the agent has a library history
    /// (never a half-deployed set), else the files as they are. An agent outside any library
    /// (no <c>.history</c> beside it) is read as before, whatever its file names.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var folder = Path.TrimEndingDirectorySeparator(profile.Directory);
        if (!Directory.Exists(Path.Combine(folder, ".history")))
        {
            return AgentDefinition.ReadComponents(profile);
        }

        var library = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = Path.GetDirectoryName(folder)! });
        return library.LiveFiles(Path.GetFileName(folder)).Files;
    }
}
