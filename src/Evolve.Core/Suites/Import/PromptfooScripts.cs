namespace Evolve.Core.Suites.Import;

/// <summary>
/// The <c>file://</c> scripts of <c>javascript</c> and <c>python</c> assertions: each is copied into
/// the imported suite at its path relative to the config, and the assertion is rewritten to name
/// that copy, so the suite runs on its own. A script outside the config's folder (<c>..</c>, an
/// absolute path, a link leading out) or missing is an error naming the file and field.
/// </summary>
internal sealed class PromptfooScripts(string configPath, ImportPlan plan, ErrorSink errors)
{
    private const string Scheme = "file://";
    private readonly string _root = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
    private readonly HashSet<string> _copied = new(StringComparer.Ordinal);

    /// <summary>The value to import for an assertion of <paramref name="type"/> whose value is <paramref name="value"/>, written in <paramref name="file"/>.</summary>
    public object? Rewrite(string? type, object? value, string file, int line, string field)
    {
        if (type?.StartsWith("not-", StringComparison.Ordinal) == true)
        {
            type = type[4..];
        }

        if (type is not ("javascript" or "python") || value is not string text || !text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return value;
        }

        // file://checks.js:functionName names a function; a colon in the path part itself is not expected.
        var reference = text[Scheme.Length..];
        var colon = reference.LastIndexOf(':');
        var (path, function) = colon > 0 && !reference[(colon + 1)..].Contains('/', StringComparison.Ordinal) ? (reference[..colon], reference[colon..]) : (reference, "");
        var fromConfig = Path.GetRelativePath(_root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, path)));
        if (Evolve.Kernel.ContainedPath.Resolve(_root, fromConfig, "the config folder", out var problem) is not { } full)
        {
            errors.Add(file, line, field, $"the script {path}: {problem}");
            return value;
        }

        if (!File.Exists(full))
        {
            errors.Add(file, line, field, $"the script {path} does not exist (looked for {full})");
            return value;
        }

        var relative = fromConfig.Replace(Path.DirectorySeparatorChar, '/');
        if (type == "python")
        {
            Copy(relative, File.ReadAllText(full));
            return Scheme + relative + function;
        }

        // A JavaScript file brings the files beside it that it loads, at the same relative paths.
        try
        {
            foreach (var (key, code) in Evolve.Core.Scoring.Scripts.ScriptBundle.Read(_root, full).Files)
            {
                Copy(key, code);
            }
        }
        catch (FormatException e)
        {
            errors.Add(file, line, field, $"the script {path}: {e.Message}");
        }

        return Scheme + relative + function;
    }

    private void Copy(string relative, string text)
    {
        if (_copied.Add(relative))
        {
            plan.SuiteFiles.Add((relative, text));
        }
    }
}
