using System.Text.Json;

namespace Evolve.Core.Suites;

/// <summary>Reads a JSONL case file: one JSON object per line; blank lines are skipped.</summary>
internal static class JsonlCaseFileReader
{
    public static IEnumerable<RawCase> Read(string text, string displayPath, string stem, ErrorSink errors)
    {
        var cases = new List<RawCase>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var at = new SourceLocation(displayPath, i + 1);
            try
            {
                using var document = JsonDocument.Parse(line);
                if (JsonValues.ToValue(document.RootElement) is Dictionary<string, object?> map)
                {
                    cases.Add(RawCase.FromMap(map, at, $"{stem}-{cases.Count + 1}"));
                }
                else
                {
                    errors.Add(at, null, "each line must be a JSON object (one case)");
                }
            }
            catch (JsonException e)
            {
                errors.Add(at, null, $"malformed JSON at column {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}");
            }
        }

        return cases;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
