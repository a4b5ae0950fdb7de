using System.Text.Json.Nodes;
using Evolve.Core.ScoreServing;
using Evolve.Core.Suites;

namespace Evolve.Cli.Serving;

/// <summary>Parses a <c>POST /v1/score</c> body: <c>{components: {file: text}, cases: [ids], split, repeat, model}</c>, every field optional.</summary>
internal static class ScoreRequestJson
{
    private static readonly string[] Fields = ["components", "cases", "split", "repeat", "model"];

    /// <summary>The request, or null and a 400 naming the first field at fault.</summary>
    public static (ScoreRequest? Request, OpenAiError? Error) Parse(ReadOnlyMemory<byte> body)
    {
        var (json, invalid) = JsonBody.Parse(body);
        if (json is null)
        {
            return (null, invalid);
        }

        // A misspelt field would otherwise be ignored and score the live files instead.
        if (json.Select(p => p.Key).FirstOrDefault(k => !Fields.Contains(k)) is { } unknown)
        {
            return (null, Bad($"unknown field '{unknown}'; the fields are {string.Join(", ", Fields)}", unknown));
        }

        var components = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json["components"] is { } given)
        {
            if (given is not JsonObject files)
            {
                return (null, Bad("'components' must be an object of file name to text", "components"));
            }

            foreach (var (file, text) in files)
            {
                if (text is not JsonValue tv || !tv.TryGetValue<string>(out var value))
                {
                    return (null, Bad($"'components.{file}' must be the file's text as a string", $"components.{file}"));
                }

                components[file] = value;
            }
        }

        List<string>? cases = null;
        if (json["cases"] is { } caseNode)
        {
            if (caseNode is not JsonArray array || array.Any(c => c is not JsonValue cv || !cv.TryGetValue<string>(out _)))
            {
                return (null, Bad("'cases' must be an array of case ids (strings)", "cases"));
            }

            cases = [.. array.Select(c => c!.GetValue<string>())];
        }

        Split? split = null;
        if (json["split"] is { } splitNode)
        {
            var name = splitNode is JsonValue sv && sv.TryGetValue<string>(out var s) ? s : null;
            var match = SplitNames.Named.Where(n => n.Name == name).ToList();
            if (match.Count == 0)
            {
                return (null, Bad($"'split' must be one of {string.Join(", ", SplitNames.Named.Select(n => n.Name))}", "split"));
            }

            split = match[0].Value;
        }

        int? repeat = null;
        if (json["repeat"] is { } repeatNode)
        {
            if (repeatNode is not JsonValue rv || !rv.TryGetValue<int>(out var r))
            {
                return (null, Bad("'repeat' must be a whole number", "repeat"));
            }

            repeat = r;
        }

        string? model = null;
        if (json["model"] is { } modelNode && (modelNode is not JsonValue mv || !mv.TryGetValue(out model) || model.Length == 0))
        {
            return (null, Bad("'model' must be a model URI string, for example sim", "model"));
        }

        return (new ScoreRequest { Components = components, Cases = cases, Split = split, Repeat = repeat, Model = model }, null);
    }

    private static OpenAiError Bad(string message, string param) => OpenAiError.BadRequest(message, param);
}
