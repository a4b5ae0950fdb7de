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
        var files = new List<string>();
        if (entries is null)
        {
            files.AddRange(Glob.Match(root, "**/*")
                .Where(f => f != SuiteLoader.SuiteFileName && CaseFileReader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())));
            return files;
        }

        foreach (var (pattern, line) in entries)
        {
            if (Glob.IsPattern(pattern))
            {
                var matches = Glob.Match(root, pattern).Where(f => f != SuiteLoader.SuiteFileName).ToList();
                if (matches.Count == 0)
                {
                    errors.Add(suiteFile, line, "cases", $"'{pattern}' matches no files in {root}");
                }

                files.AddRange(matches.Where(m => !files.Contains(m)));
            }
            else if (!File.Exists(Path.Combine(root, pattern)))
            {
                errors.Add(suiteFile, line, "cases", $"case file '{pattern}' does not exist (looked for {Path.Combine(suiteDir, pattern)})");
            }
            else if (!files.Contains(pattern.Replace('\\', '/')))
            {
                files.Add(pattern.Replace('\\', '/'));
            }
        }

        return files;
    }
}
