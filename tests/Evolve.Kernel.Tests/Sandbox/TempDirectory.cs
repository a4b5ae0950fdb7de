namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>A temp directory the test owns, world-readable like a careless user's, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("evolve-test-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);
        }
    }

    public string Path { get; }

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
        }

        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
