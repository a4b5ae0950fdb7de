namespace Evolve.Core.Tests.Suites;

/// <summary>Finds the project's shared folder (fixtures and datasets that are not copied into the repository).</summary>
internal static class SharedData
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "fixtures")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no shared/ folder with fixtures above {AppContext.BaseDirectory}");
    }
}
