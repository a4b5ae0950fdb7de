namespace Evolve.Core.Tests.Suites;

/// <summary>A temporary folder holding an evals directory, deleted after the test.</summary>
internal sealed class TempEvals : IDisposable
{
    public TempEvals()
    {
        Root = Path.Combine(Path.GetTempPath(), "evolve-suites-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        EvalsDir = Path.Combine(Root, "evals");
        Directory.CreateDirectory(EvalsDir);
    }

    public string Root { get; }

    public string EvalsDir { get; }

    public string PromptsDir => Path.Combine(Root, "prompts");

    /// <summary>Writes a file under the evals directory and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(EvalsDir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The path an error names for a file of suite <paramref name="suite"/>.</summary>
    public string PathOf(string suite, string file) => Path.Combine(EvalsDir, suite, file);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
