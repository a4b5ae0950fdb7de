using System.Text;

namespace Evolve.Kernel;

/// <summary>Durable file writes (library history, agent memory): a reader sees the old content or the new, never a mix.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> to a flushed temp file beside <paramref name="path"/>; returns the temp path.</summary>
    public static string WriteTemp(string path, string text)
    {
        var temp = TempPath(path);
        WriteFlushed(temp, text, FileMode.CreateNew);
        return temp;
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> by temp file and rename; a failed write leaves no temp behind.</summary>
    public static void Write(string path, string text)
    {
        var temp = TempPath(path);
        try
        {
            WriteFlushed(temp, text, FileMode.CreateNew);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes and flushes to disk (not just to the OS cache), so a rename after it publishes complete content.</summary>
    public static void WriteFlushed(string path, string text, FileMode mode)
    {
        using var stream = new FileStream(path, mode, FileAccess.Write, FileShare.None);
        var bytes = Utf8.GetBytes(text);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Appends one line and flushes it to disk.</summary>
    public static void AppendLine(string path, string line)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
        stream.Write(Utf8.GetBytes(line + "\n"));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Cuts <paramref name="path"/> back to <paramref name="length"/> bytes (undoing an append).</summary>
    public static void Truncate(string path, long length)
    {
        if (!File.Exists(path) || new FileInfo(path).Length <= length)
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
        stream.SetLength(length);
        stream.Flush(flushToDisk: true);
    }

    private static string TempPath(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.tmp-{Guid.NewGuid():N}");

    /// <summary>Deletes leftover temp files and folders of interrupted writes.</summary>
    public static void DeleteTemps(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(directory, ".*.tmp-*"))
        {
            File.Delete(file);
        }

        foreach (var folder in Directory.GetDirectories(directory, ".tmp-*").Concat(Directory.GetDirectories(directory, ".*.tmp-*")).Distinct())
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>True when <paramref name="directory"/> holds temp files or folders of an interrupted write.</summary>
    public static bool HasTemps(string directory) =>
        Directory.Exists(directory)
        && (Directory.EnumerateFileSystemEntries(directory, ".*.tmp-*").Any() || Directory.EnumerateDirectories(directory, ".tmp-*").Any());
}
