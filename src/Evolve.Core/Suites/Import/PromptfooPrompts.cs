using Evolve.Kernel;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Reads the <c>prompts:</c> of a promptfoo config: inline text, <c>file://</c> files, maps with
/// <c>raw</c> or <c>id</c>, or a list of these. Files as promptfoo reads them: text (lines of
/// <c>---</c> separate several prompts), <c>.csv</c> (a <c>prompt</c> column, or one prompt per line
/// when there is no comma), <c>.json</c> (one chat prompt), <c>.jsonl</c> (one chat prompt per line)
/// and <c>.yaml</c>/<c>.yml</c> (one chat prompt as a list of messages).
/// </summary>
internal static class PromptfooPrompts
{
    private static readonly string[] CodeFormats = [".py", ".js", ".ts", ".mjs", ".cjs"];

    public static List<PromptSource> Read(YamlNode node, string configPath, ImportPlan plan, ErrorSink errors)
    {
        var items = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        var prompts = new List<PromptSource>();
        foreach (var item in items)
        {
            var line = YamlDocumentReader.LineOf(item);
            var text = item switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlMappingNode map => Field(map, "raw") ?? Field(map, "id"),
                _ => null,
            };
            if (text is null)
            {
                errors.Add(configPath, line, "prompts", "a prompt must be text, file://path, or a map with 'raw' or 'id'");
            }
            else if (text.StartsWith("file://", StringComparison.Ordinal))
            {
                prompts.AddRange(FromFile(text["file://".Length..], configPath, line, plan, errors));
            }
            else
            {
                prompts.Add(new PromptSource(text, configPath, line));
            }
        }

        return prompts;
    }

    private static List<PromptSource> FromFile(string relative, string configPath, int line, ImportPlan plan, ErrorSink errors)
    {
        var prompts = new List<PromptSource>();
        foreach (var path in PromptfooFiles.Expand(configPath, relative, line, "prompts", errors))
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (CodeFormats.Contains(extension))
            {
                plan.Warn(configPath, line, "prompts", $"'{path}' is a prompt function (code), which is not imported; text, CSV, JSON, JSONL and YAML prompt files are");
                continue;
            }

            var text = InputText.Decode(File.ReadAllBytes(path), path);
            prompts.AddRange(extension switch
            {
                ".csv" => PromptfooPromptFiles.Csv(text, path, errors),
                ".json" => PromptfooPromptFiles.Json(text, path, errors),
                ".jsonl" => PromptfooPromptFiles.JsonLines(text, path, errors),
                ".yaml" or ".yml" => PromptfooPromptFiles.Yaml(text, path, errors),
                _ => SplitPrompts(text, path),
            });
        }

        return prompts;
    }

    /// <summary>Splits a prompt file on lines that are exactly <c>---</c>, keeping each prompt's first line number.</summary>
    internal static List<PromptSource> SplitPrompts(string text, string path)
    {
        var prompts = new List<PromptSource>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i].Trim() != "---")
            {
                continue;
            }

            var first = start;
            while (first < i && lines[first].Trim().Length == 0)
            {
                first++;
            }

            var body = string.Join('\n', lines[first..i]).TrimEnd();
            if (body.Length > 0)
            {
                prompts.Add(new PromptSource(body + "\n", path, first + 1));
            }

            start = i + 1;
        }

        return prompts;
    }

    private static string? Field(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => YamlValues.KeyText(kv.Key) == key).Value is YamlScalarNode { Value: { } value } ? value : null;
}
