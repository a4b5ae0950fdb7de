using System.Text;
using CsvHelper;
using Evolve.Kernel.Prompts;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Prompt files other than plain text, read as promptfoo reads them: a CSV holds several prompts,
/// JSON, JSONL and YAML hold chat prompts (<see cref="ChatPrompt"/>). Every problem names the file
/// and line.
/// </summary>
internal static class PromptfooPromptFiles
{
    /// <summary>A <c>prompt</c> column (and an unused <c>label</c>), one prompt per row; with no comma at all, one prompt per line.</summary>
    public static List<PromptSource> Csv(string text, string path, ErrorSink errors)
    {
        if (!text.Contains(',', StringComparison.Ordinal))
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Select((l, i) => (Text: l.Trim(), Line: i + 1)).Where(l => l.Text.Length > 0).ToList();
            return [.. lines.SkipWhile((l, i) => i == 0 && l.Text.Equals("prompt", StringComparison.OrdinalIgnoreCase)).Select(l => new PromptSource(l.Text, path, l.Line))];
        }

        var prompts = new List<PromptSource>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            OnMalformedRecord = bad => errors.Add(path, (int)bad.LineNumber, "prompt", "malformed CSV row"),
        };
        using var reader = CsvReader.Create(Encoding.UTF8.GetBytes(text), options);
        string[] headers;
        try
        {
            headers = [.. reader.Headers.Select(h => h.Trim())];
        }
        catch (CsvFormatException e)
        {
            errors.Add(path, 1, null, $"malformed CSV header: {e.Message}");
            return [];
        }

        var column = Array.FindIndex(headers, h => h.Equals("prompt", StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            errors.Add(path, 1, "prompt", "a CSV of prompts needs a 'prompt' column (and may have a 'label' column)");
            return [];
        }

        while (reader.Read())
        {
            var cells = reader.Current.ToArray();
            if (column < cells.Length && cells[column].Trim() is { Length: > 0 } prompt)
            {
                prompts.Add(new PromptSource(prompt, path, (int)reader.LineNumber));
            }
        }

        return prompts;
    }

    /// <summary>One chat prompt: the whole file, a JSON array of messages.</summary>
    public static List<PromptSource> Json(string text, string path, ErrorSink errors) =>
        ChatPrompt.TryRead(text) is not null ? [new PromptSource(text, path, 1)] : NotChat(path, 1, errors);

    /// <summary>One chat prompt per non-empty line.</summary>
    public static List<PromptSource> JsonLines(string text, string path, ErrorSink errors)
    {
        var prompts = new List<PromptSource>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            prompts.AddRange(ChatPrompt.TryRead(lines[i]) is not null ? [new PromptSource(lines[i], path, i + 1)] : NotChat(path, i + 1, errors));
        }

        return prompts;
    }

    /// <summary>One chat prompt written as a YAML list of <c>role</c> and <c>content</c> maps.</summary>
    public static List<PromptSource> Yaml(string text, string path, ErrorSink errors)
    {
        var root = YamlDocumentReader.Read(text, path, errors, out var failed);
        if (failed)
        {
            return [];
        }

        var messages = new List<(string, string)>();
        foreach (var item in root is YamlSequenceNode list ? list.Children : [])
        {
            var map = item as YamlMappingNode;
            string? Field(string key) => map?.Children.FirstOrDefault(kv => YamlValues.KeyText(kv.Key) == key).Value is YamlScalarNode { Value: { } v } ? v : null;
            if (Field("role") is not ("system" or "user" or "assistant") || Field("content") is not { } content)
            {
                return NotChat(path, YamlDocumentReader.LineOf(item), errors);
            }

            messages.Add((Field("role")!, content));
        }

        return messages.Count > 0 ? [new PromptSource(ChatPrompt.Write(messages), path, 1)] : NotChat(path, 1, errors);
    }

    private static List<PromptSource> NotChat(string path, int line, ErrorSink errors)
    {
        errors.Add(path, line, "prompt", "a JSON, JSONL or YAML prompt must be a chat prompt: a list of messages, each with a role (system, user or assistant) and a content text");
        return [];
    }
}
