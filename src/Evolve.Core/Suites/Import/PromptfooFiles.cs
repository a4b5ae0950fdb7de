namespace Evolve.Core.Suites.Import;

/// <summary>Resolves a promptfoo <c>file://</c> reference (a path or a glob) relative to the config's folder.</summary>
internal static class PromptfooFiles
{
    /// <summary>The matching files, in ordinal order; a missing file or an empty glob is an error on the reference's line.</summary>
    public static List<string> Expand(string configPath, string relative, int line, string field, ErrorSink errors)
    {
        var dir = Path.GetDirectoryName(configPath) ?? string.Empty;
        if (Glob.IsPattern(relative))
        {
            var matches = Glob.Match(dir.Length == 0 ? "." : dir, relative).Select(m => Path.Combine(dir, m)).ToList();
            if (matches.Count == 0)
            {
                errors.Add(configPath, line, field, $"'{relative}' matches no files in {(dir.Length == 0 ? "." : dir)}");
            }

            return matches;
        }

        var path = Path.Combine(dir, relative);
        if (!File.Exists(path))
        {
            var what = field == "prompts" ? "prompt" : "test";
            errors.Add(configPath, line, field, $"{what} file '{relative}' does not exist (looked for {path})");
            return [];
        }

        return [path];
    }
}
