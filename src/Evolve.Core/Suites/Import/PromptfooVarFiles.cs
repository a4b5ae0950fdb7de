using System.Text.Encodings.Web;
using System.Text.Json;
using Evolve.Kernel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// promptfoo's <c>file://</c> variables, loaded once at import so the suite holds their text: a
/// YAML file becomes its JSON, an image a <c>data:</c> URI, any other file its trimmed text. Paths
/// are relative to the config's folder and must stay inside it (<see cref="ContainedPath"/>); a
/// script (<c>.js</c>, <c>.py</c>) or another binary file is kept as the reference with a warning.
/// </summary>
internal sealed class PromptfooVarFiles(string configPath, ImportPlan plan, ErrorSink errors)
{
    private const string Scheme = "file://";
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly Dictionary<string, string> Images = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif", [".webp"] = "image/webp",
    };

    private static readonly string[] Unloaded = [".js", ".cjs", ".mjs", ".ts", ".py", ".pdf", ".mp3", ".wav", ".mp4"];
    private readonly string _root = Path.GetDirectoryName(Path.GetFullPath(configPath))!;

    /// <summary><paramref name="test"/> with every <c>file://</c> variable replaced by what it names.</summary>
    public EvalCase Load(EvalCase test)
    {
        if (!test.Vars.Values.Any(v => v is string s && s.StartsWith(Scheme, StringComparison.Ordinal)))
        {
            return test;
        }

        var vars = new Dictionary<string, object?>(test.Vars, StringComparer.Ordinal);
        foreach (var (key, value) in test.Vars)
        {
            if (value is string text && text.StartsWith(Scheme, StringComparison.Ordinal))
            {
                vars[key] = Read(text, test.Source, $"vars.{key}");
            }
        }

        return test with { Vars = vars };
    }

    private string Read(string reference, SourceLocation at, string field)
    {
        var relative = reference[Scheme.Length..];
        var extension = Path.GetExtension(relative);
        if (Unloaded.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            plan.Warn(at.File, at.Line, field, $"'{reference}' is a script or a {extension} file, which the import does not run or read; it is kept as text");
            return reference;
        }

        if (ContainedPath.Resolve(_root, relative, "the config folder", out var problem) is not { } full || !File.Exists(full))
        {
            errors.Add(at.File, at.Line, field, problem is null ? $"the file {relative} does not exist (looked for {Path.Combine(_root, relative)})" : $"the file {relative}: {problem}");
            return reference;
        }

        if (Images.TryGetValue(extension, out var mime))
        {
            return $"data:{mime};base64,{Convert.ToBase64String(File.ReadAllBytes(full))}";
        }

        var text = InputText.Decode(File.ReadAllBytes(full), full);
        if (extension is ".yaml" or ".yml")
        {
            var sink = new ErrorSink();
            var root = YamlDocumentReader.Read(text, full, sink, out var failed);
            if (failed)
            {
                foreach (var error in sink.Errors)
                {
                    errors.Add(error.File, error.Line, field, error.Message);
                }

                return reference;
            }

            return JsonSerializer.Serialize(root is null ? null : YamlValues.ToValue(root), Compact);
        }

        return text.Trim();
    }
}
