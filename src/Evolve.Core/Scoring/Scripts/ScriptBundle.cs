using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// A <c>file://</c> script and every file it loads by a relative path (<c>require('./util')</c>,
/// <c>import ... from './util.mjs'</c>, <c>.json</c> data), read once from inside
/// <see cref="Root"/>, so a script runs from memory with nothing else of the disk in reach. A
/// dependency outside the root is an error; a bare name (<c>require('fs')</c>, an npm package)
/// is left for the script to fail on, with the reason, when it asks for it.
/// </summary>
internal sealed partial class ScriptBundle
{
    private static readonly string[] Extensions = ["", ".js", ".cjs", ".mjs", ".json", "/index.js"];

    private ScriptBundle(string root, string entry, Dictionary<string, string> files, Dictionary<string, Dictionary<string, string>> links)
    {
        (Root, Entry, Files, Links) = (root, entry, files, links);
    }

    /// <summary>The folder every file must be inside.</summary>
    public string Root { get; }

    /// <summary>The entry file's key.</summary>
    public string Entry { get; }

    /// <summary>Each file's code by key (its path from the root, with <c>/</c>).</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Per file, each relative specifier it names and the key it resolves to.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Links { get; }

    /// <summary>True when the entry is an ES module (<c>.mjs</c>, or code that only parses as a module).</summary>
    public bool IsModule => IsModuleCode(Entry, Files[Entry]);

    /// <summary>Reads <paramref name="entryPath"/> and, transitively, what it loads; throws FormatException for a file outside <paramref name="root"/>.</summary>
    public static ScriptBundle Read(string root, string entryPath)
    {
        root = Path.GetFullPath(root);
        var entry = Key(root, Path.GetFullPath(entryPath)) ?? throw new FormatException($"the script {entryPath} is outside the suite's folder");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var pending = new Queue<string>([entry]);
        while (pending.TryDequeue(out var key))
        {
            if (files.ContainsKey(key))
            {
                continue;
            }

            // Checked again by the path guard, so a link inside the folder cannot lead out of it.
            var full = Evolve.Kernel.ContainedPath.Resolve(root, key, "the suite's folder", out var problem) ?? throw new FormatException($"{key}: {problem}");
            var code = File.ReadAllText(full);
            files[key] = code;
            links[key] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var specifier in Specifiers(code))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, specifier));
                if (Key(root, target) is null)
                {
                    throw new FormatException($"{key} loads {specifier}, which is outside the suite's folder; a script may only load files beside it");
                }

                if (Extensions.Select(e => target + e).FirstOrDefault(File.Exists) is { } found && Key(root, found) is { } dependency)
                {
                    links[key][specifier] = dependency;
                    pending.Enqueue(dependency);
                }
            }
        }

        return new ScriptBundle(root, entry, files, links);
    }

    /// <summary>
    /// The CommonJS files as one script that evaluates to the entry's <c>module.exports</c>: each
    /// file is a function of (module, exports, require), and require follows <see cref="Links"/> only.
    /// </summary>
    public string CommonJs()
    {
        var code = new StringBuilder("(function () {\nvar __files = {\n");
        foreach (var (key, text) in Files)
        {
            var body = key.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? $"module.exports = JSON.parse({JsonSerializer.Serialize(text)});" : text;
            code.Append(JsonSerializer.Serialize(key)).Append(": function (module, exports, require) {\n").Append(body).Append("\n},\n");
        }

        code.Append("};\nvar __links = ").Append(JsonSerializer.Serialize(Links)).Append(";\nvar __cache = {};\n")
            .Append("""
                function __load(key) {
                  if (__cache[key]) return __cache[key].exports;
                  var module = { exports: {} };
                  __cache[key] = module;
                  __files[key](module, module.exports, function (id) {
                    var target = __links[key][id];
                    if (target === undefined) throw new Error("require('" + id + "') is not available: scripts run in Jint, without Node's modules or npm packages, and may require only files beside them");
                    return __load(target);
                  });
                  return module.exports;
                }
                """)
            .Append("\nreturn __load(").Append(JsonSerializer.Serialize(Entry)).Append(");\n})()");
        return code.ToString();
    }

    /// <summary>Relative specifiers (<c>./</c> or <c>../</c>) of require, import and export-from in <paramref name="code"/>.</summary>
    public static IEnumerable<string> Specifiers(string code) =>
        Specifier().Matches(code).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal);

    private static bool IsModuleCode(string key, string code)
    {
        if (key.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (key.EndsWith(".cjs", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            new Acornima.Parser().ParseScript(code);
            return false;
        }
        catch (Acornima.ParseErrorException)
        {
            try
            {
                new Acornima.Parser().ParseModule(code);
                return true;
            }
            catch (Acornima.ParseErrorException)
            {
                return false;
            }
        }
    }

    private static string? Key(string root, string full)
    {
        var relative = Path.GetRelativePath(root, full);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    [GeneratedRegex("""(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)(?<q>['"])(?<path>\.{1,2}/[^'"\r\n]+)\k<q>""")]
    private static partial Regex Specifier();
}
