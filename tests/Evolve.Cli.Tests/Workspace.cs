namespace Evolve.Cli.Tests;

/// <summary>Paths of the repository's shipped suites, found from the test's base directory.</summary>
internal static class Workspace
{
    /// <summary>The repository root (the folder with Evolve.sln).</summary>
    public static string RepoRoot { get; } = FindUp(AppContext.BaseDirectory, "Evolve.sln");

    private static string FindUp(string start, string marker)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, marker)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no {marker} above {start}");
    }

    /// <summary>Copies the shipped evals/ and prompts/ into a temp workspace so tests never touch the repository's files.</summary>
    public static TempDirectory CopyShipped()
    {
        var dir = new TempDirectory();
        foreach (var folder in new[] { "evals", "prompts" })
        {
            CopyTree(Path.Combine(RepoRoot, folder), Path.Combine(dir.Path, folder));
        }

        Directory.CreateDirectory(Path.Combine(dir.Path, "runs"));
        return dir;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
