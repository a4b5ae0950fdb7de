using System.Text;
using System.Text.RegularExpressions;

namespace Evolve.Kernel.Agents.Memory;

/// <summary>The entries of one memory file: one Markdown bullet per line, oldest first.</summary>
internal static partial class MemoryEntries
{
    public static List<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = new List<string>();
        foreach (var line in File.ReadAllLines(path))
        {
            var entry = line.Trim();
            if (entry.StartsWith("- ", StringComparison.Ordinal) || entry.StartsWith("* ", StringComparison.Ordinal))
            {
                entry = entry[2..].Trim();
            }

            if (entry.Length > 0)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    public static string Format(IEnumerable<string> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(MemoryDefaults.BulletPrefix).Append(entry).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The stored size of one entry, bullet and newline included.</summary>
    public static int SizeOf(string entry) => MemoryDefaults.BulletPrefix.Length + entry.Length + 1;

    /// <summary>
    /// One entry per line keeps the file a list the model can address by substring; an entry
    /// spanning lines could also fake headings or role labels in the prompt.
    /// </summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
