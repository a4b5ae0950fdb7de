using Evolve.Kernel;
using Evolve.Kernel.Providers;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// promptfoo's <c>providers:</c> as Evolve model URIs for the suite's <c>models:</c>, so <c>eval</c>
/// runs every prompt on every provider as promptfoo does: <c>echo</c> stays <c>echo</c>;
/// <c>openai:[chat:]M</c>, <c>anthropic:[messages:]M</c> and <c>ollama:[chat:]M</c> become
/// <c>openai:M</c>, <c>anthropic:M</c>, <c>ollama:M</c>; a map's <c>id</c> is read the same way.
/// Anything else (scripts, HTTP, other vendors) and a provider's <c>config</c> are named in a
/// warning and left out; the endpoints and keys themselves belong to <c>evolve.yaml</c>.
/// </summary>
internal static class PromptfooProviders
{
    private static readonly (string Prefix, string Scheme)[] Known =
    [
        ("openai:chat:", ModelSchemes.OpenAI), ("openai:", ModelSchemes.OpenAI),
        ("anthropic:messages:", ModelSchemes.Anthropic), ("anthropic:", ModelSchemes.Anthropic),
        ("ollama:chat:", ModelSchemes.Ollama), ("ollama:", ModelSchemes.Ollama),
    ];

    public static List<string> Read(YamlNode node, string configPath, ImportPlan plan)
    {
        var models = new List<string>();
        foreach (var item in node is YamlSequenceNode list ? list.Children.ToList() : [node])
        {
            var line = YamlDocumentReader.LineOf(item);
            var id = item switch
            {
                YamlScalarNode { Value: { } text } => text,
                YamlMappingNode map => map.Children.FirstOrDefault(kv => YamlValues.KeyText(kv.Key) == "id").Value is YamlScalarNode { Value: { } text } ? text : null,
                _ => null,
            };
            if (item is YamlMappingNode withConfig && withConfig.Children.Keys.Any(k => YamlValues.KeyText(k) == "config"))
            {
                plan.Warn(configPath, line, "providers.config", $"the config of provider '{id}' is not imported; set endpoints and keys in evolve.yaml and sampling in the agent");
            }

            if (id is null || Map(id.Trim()) is not { } uri)
            {
                plan.Warn(configPath, line, "providers", $"provider '{id ?? "(no id)"}' has no Evolve model; it is left out (choose one with --model)");
                continue;
            }

            if (!models.Contains(uri, StringComparer.Ordinal))
            {
                models.Add(uri);
            }
        }

        return models;
    }

    private static string? Map(string id)
    {
        if (id == ModelSchemes.Echo)
        {
            return id;
        }

        foreach (var (prefix, scheme) in Known)
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length)
            {
                try
                {
                    return ModelUri.Parse($"{scheme}:{id[prefix.Length..]}", "providers").ToString();
                }
                catch (InputException)
                {
                    return null;
                }
            }
        }

        return null;
    }
}
