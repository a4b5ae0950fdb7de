namespace Evolve.Core.Suites;

/// <summary>Expands the <c>cases:</c> entries of a suite into case files relative to the suite folder.</summary>
internal static class CaseFileResolver
{
    /// <summary>
    /// Returns '/'-separated relative paths in entry order (each glob's matches in ordinal order),
    /// each file once. A missing file or a glob that matches nothing is an error on the entry's line.
    /// </summary>
    public static IReadOnlyList<string> Resolve(string suiteDir, string suiteFile, IReadOnlyList<(string Pattern, int Line)>? entries, ErrorSink errors)
    {
        var root = suiteDir.Length == 0 ? "." : suiteDir;
        if (entries is null)
        {
            return Glob.Match(root, "**/*")
                .Where(f => f != SuiteLoader.SuiteFileName && CaseFileReader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .ToList();
        }

        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (pattern, line) in entries)
        {
            if (Glob.IsPattern(pattern))
            {
                var matches = Glob.Match(root, pattern).Where(f => f != SuiteLoader.SuiteFileName).ToList();
                if (matches.Count == 0)
                {
                    errors.Add(suiteFile, line, "cases", $"'{pattern}' matches no files in {root}");
                }

                files.AddRange(matches.Where(seen.Add));
            }
            else if (!File.Exists(Path.Combine(root, pattern)))
            {
                errors.Add(suiteFile, line, "cases", $"case file '{pattern}' does not exist (looked for {Path.Combine(suiteDir, pattern)})");
            }
            else if (pattern.Replace('\\', '/') is var file && seen.Add(file))
            {
                files.Add(file);
            }
        }

        return files;
    }
}
