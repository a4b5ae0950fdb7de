namespace Evolve.Core.Workspace;

/// <summary>
/// Where suites, agents and runs live. By default the nearest directory, from the current one
/// upwards, that has an <c>evals/</c> folder; each can be overridden by a flag.
/// </summary>
/// <param name="Evals">Suites folder.</param>
/// <param name="Prompts">Agents folder (the live library).</param>
/// <param name="Runs">Run output folder.</param>
public sealed record WorkspacePaths(string Evals, string Prompts, string Runs)
{
    /// <summary>Resolves the folders from <paramref name="start"/>, applying any overrides.</summary>
    public static WorkspacePaths Resolve(string start, string? evals = null, string? prompts = null, string? runs = null)
    {
        var root = FindRoot(start) ?? start;
        return new WorkspacePaths(
            evals ?? Path.Combine(root, "evals"),
            prompts ?? Path.Combine(root, "prompts"),
            runs ?? Path.Combine(root, "runs"));
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "evals")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
