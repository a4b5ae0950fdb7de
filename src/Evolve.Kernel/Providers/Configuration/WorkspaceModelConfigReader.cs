using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using Evolve.Kernel.Yaml;

namespace Evolve.Kernel.Providers.Configuration;

/// <summary>Reads <c>models:</c> from an <c>evolve.yaml</c>, collecting every problem with its line and field.</summary>
internal static partial class WorkspaceModelConfigReader
{
    private static readonly string[] ProviderKeys = ["base_url", "api_key_env", "api_key", "timeout"];

    public static WorkspaceModelConfig Read(string yaml, string path)
    {
        var errors = new List<InputError>();
        void Fail(YamlNode node, string field, string message) => errors.Add(new InputError(path, Line(node), field, message));

        var document = BoundedYaml.Read(yaml, path);
        var providers = new Dictionary<string, ProviderConfig>(StringComparer.Ordinal);
        if (document is null or YamlScalarNode { Value: null or "" })
        {
            return new WorkspaceModelConfig(path, providers);
        }

        if (document is not YamlMappingNode root)
        {
            throw new InputException(path, Line(document), null, "expected a mapping with a models: section");
        }

        // Other sections of evolve.yaml (prices:, read by PriceTable) belong to other features.
        foreach (var (key, value) in root.Children)
        {
            if (((key as YamlScalarNode)?.Value) == "models")
            {
                ReadProviders(value, providers, Fail);
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : new WorkspaceModelConfig(path, providers);
    }

    private static void ReadProviders(YamlNode node, Dictionary<string, ProviderConfig> providers, Action<YamlNode, string, string> fail)
    {
        if (!Mapping(node, "models", fail, out var mapping))
        {
            return;
        }

        foreach (var (k0, value) in mapping.Children)
        {
            var scheme = ((k0 as YamlScalarNode)?.Value) ?? string.Empty;
            var field = "models." + scheme;
            if (scheme is not (ModelSchemes.OpenAI or ModelSchemes.Ollama or ModelSchemes.Anthropic))
            {
                fail(k0, field, $"unknown provider '{scheme}'; expected openai, ollama or anthropic");
                continue;
            }

            if (!Mapping(value, field, fail, out var entry))
            {
                continue;
            }

            string? baseUrl = null, keyEnv = null, key = null;
            TimeSpan? timeout = null;
            foreach (var (k, v) in entry.Children)
            {
                var name = ((k as YamlScalarNode)?.Value) ?? string.Empty;
                var text = (v as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
                var at = $"{field}.{name}";
                switch (name)
                {
                    case "base_url" when ProviderEndpoint.TryParse(scheme, text, out _):
                        baseUrl = text;
                        break;
                    case "base_url":
                        fail(v, at, $"'{text}' is not an http(s) URL, for example {ProviderEndpoint.Default(scheme)}");
                        break;
                    case "api_key_env" when VariableName().IsMatch(text):
                        keyEnv = text;
                        break;
                    case "api_key_env":
                        // Never echo the value: it may be a key pasted in the wrong place.
                        fail(v, at, "must name an environment variable (letters, digits, _), not hold the key; keys are read from the environment only");
                        break;
                    case "api_key" when text.Length > 0:
                        key = text;
                        break;
                    case "api_key":
                        fail(v, at, "is empty; remove it or put the key in the environment");
                        break;
                    case "timeout" when ModelUriParameters.TryParseDuration(text, out var t) && t > TimeSpan.Zero:
                        timeout = t;
                        break;
                    case "timeout":
                        fail(v, at, $"'{text}' is not a positive duration such as 90s or 5m");
                        break;
                    default:
                        fail(k, at, $"unknown field '{name}'; expected {string.Join(", ", ProviderKeys)}");
                        break;
                }
            }

            providers[scheme] = new ProviderConfig(baseUrl, keyEnv, timeout, Line(k0)) { ApiKey = key };
        }
    }

    private static bool Mapping(YamlNode node, string field, Action<YamlNode, string, string> fail, out YamlMappingNode mapping)
    {
        mapping = node as YamlMappingNode ?? new YamlMappingNode();
        if (node is not YamlMappingNode)
        {
            fail(node, field, "expected a mapping of keys to values");
            return false;
        }

        return true;
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
