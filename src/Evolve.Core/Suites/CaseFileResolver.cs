using Evolve.Kernel;

namespace Evolve.Core.Suites;

/// <summary>Expands the <c>cases:</c> entries of a suite into case files relative to the suite folder.</summary>
internal static class CaseFileResolver
{
    private const string Folder = "the suite folder";

    /// <summary>
    /// Returns '/'-separated relative paths in entry order (each glob's matches in ordinal order),
    /// each file once. A missing file, a glob that matches nothing, an entry outside the suite
    /// folder and a file that is a link leading out of it are errors on the entry's line.
    /// </summary>
    public static IReadOnlyList<string> Resolve(string suiteDir, string suiteFile, IReadOnlyList<(string Pattern, int Line)>? entries, ErrorSink errors)
    {
        var root = suiteDir.Length == 0 ? "." : suiteDir;
        if (entries is null)
        {
            return Glob.Match(root, "**/*")
                .Where(f => f != SuiteLoader.SuiteFileName && CaseFileReader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Where(f => Inside(root, f, suiteFile, null, errors))
                .ToList();
        }

        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (pattern, line) in entries)
        {
            if (Path.IsPathRooted(pattern) || pattern.Replace('\\', '/').Split('/').Contains(".."))
            {
                errors.Add(suiteFile, line, "cases", $"'{pattern}' is outside {Folder}; case paths are relative to it and may not use '..'");
            }
            else if (Glob.IsPattern(pattern))
            {
                var matches = Glob.Match(root, pattern).Where(f => f != SuiteLoader.SuiteFileName).ToList();
                if (matches.Count == 0)
                {
                    errors.Add(suiteFile, line, "cases", $"'{pattern}' matches no files in {root}");
                }

                files.AddRange(matches.Where(f => Inside(root, f, suiteFile, line, errors)).Where(seen.Add));
            }
            else if (!File.Exists(Path.Combine(root, pattern)))
            {
                errors.Add(suiteFile, line, "cases", $"case file '{pattern}' does not exist (looked for {Path.Combine(suiteDir, pattern)})");
            }
            else if (pattern.Replace('\\', '/') is var file && Inside(root, file, suiteFile, line, errors) && seen.Add(file))
            {
                files.Add(file);
            }
        }

        return files;
    }

    // A link is followed to its final target: one that stays inside the folder is an ordinary file.
    private static bool Inside(string root, string file, string suiteFile, int? line, ErrorSink errors)
    {
        if (ContainedPath.Resolve(root, file, Folder, out var problem) is not null)
        {
            return true;
        }

        errors.Add(suiteFile, line, "cases", problem!);
        return false;
    }
}
