using Evolve.Kernel;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Reads the <c>prompts:</c> of a promptfoo config: inline text, <c>file://</c> text files (where
/// lines of <c>---</c> separate several prompts), maps with <c>raw</c> or <c>id</c>, or a list of these.
/// </summary>
internal static class PromptfooPrompts
{
    private static readonly string[] ChatFormats = [".json", ".jsonl", ".yaml", ".yml", ".py", ".js", ".ts"];

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
            if (ChatFormats.Contains(Path.GetExtension(path).ToLowerInvariant()))
            {
                plan.Warn(configPath, line, "prompts", $"'{path}' is a chat-format or code prompt, which is not imported; only text prompts are");
            }
            else
            {
                prompts.AddRange(SplitPrompts(InputText.Decode(File.ReadAllBytes(path), path), path));
            }
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
