namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Python source split into lines, each with a mask of the same length in which string literals
/// and comments are blanked out. Corruptions search the mask and edit the real line at the same
/// offsets, so they never touch text inside strings or comments.
/// </summary>
internal sealed class PythonSourceMask
{
    private const char Blank = '\u0001';

    private PythonSourceMask(List<string> lines, List<string> masks)
    {
        Lines = lines;
        Masks = masks;
    }

    public List<string> Lines { get; }

    public List<string> Masks { get; }

    public static PythonSourceMask Create(string source)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var masks = new List<string>(lines.Count);
        string? openTriple = null;
        foreach (var line in lines)
        {
            var mask = line.ToCharArray();
            var i = 0;
            char? quote = null;
            while (i < mask.Length)
            {
                if (openTriple is not null)
                {
                    if (string.CompareOrdinal(line, i, openTriple, 0, 3) == 0)
                    {
                        openTriple = null;
                        i += 3;
                        continue;
                    }

                    mask[i++] = Blank;
                }
                else if (quote is char q)
                {
                    if (line[i] == '\\' && i + 1 < mask.Length)
                    {
                        mask[i++] = Blank;
                    }
                    else if (line[i] == q)
                    {
                        quote = null;
                        i++;
                        continue;
                    }

                    mask[i++] = Blank;
                }
                else if (line[i] == '#')
                {
                    Array.Fill(mask, Blank, i, mask.Length - i);
                    break;
                }
                else if (line[i] is '"' or '\'')
                {
                    if (i + 2 < line.Length && line[i + 1] == line[i] && line[i + 2] == line[i])
                    {
                        openTriple = line.Substring(i, 3);
                        i += 3;
                    }
                    else
                    {
                        quote = line[i++];
                    }
                }
                else
                {
                    i++;
                }
            }

            masks.Add(new string(mask));
        }

        return new PythonSourceMask(lines, masks);
    }

    public static int Indent(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ')
        {
            n++;
        }

        return n;
    }

    public static bool IsBlank(string mask) => mask.AsSpan().Trim().Trim(Blank).IsEmpty;

    public string Render() => string.Join('\n', Lines);
}
