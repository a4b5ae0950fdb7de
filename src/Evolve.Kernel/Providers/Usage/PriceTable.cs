using System.Globalization;
using YamlDotNet.RepresentationModel;
using Evolve.Kernel.Yaml;

namespace Evolve.Kernel.Providers.Usage;

/// <summary>
/// Model id -> price. Starts from the built-in list prices (see <see cref="PriceTableDefaults"/>)
/// and takes the user's entries over them. A model is found by its exact id (<c>openai:gpt-4.1-mini</c>),
/// else by the longest key that is a prefix of it ending at '-' or ':' (<c>anthropic:claude-sonnet-4</c>
/// prices <c>anthropic:claude-sonnet-4-20250514</c>; <c>ollama</c> prices every Ollama model).
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices;

    private PriceTable(Dictionary<string, ModelPrice> prices) => _prices = prices;

    /// <summary>The built-in list prices only.</summary>
    public static PriceTable BuiltIn { get; } = new(new(PriceTableDefaults.Prices, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every entry, user overrides applied.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Entries => _prices;

    /// <summary>
    /// The built-in table overlaid with <paramref name="path"/>: YAML mapping model ids to
    /// <c>{ input: dollars per million, output: dollars per million }</c>, either at the top level
    /// (prices.yaml) or under a <c>prices:</c> key (evolve.yaml).
    /// </summary>
    /// <exception cref="InputException">The file is missing or an entry is malformed; errors name file, line and field.</exception>
    public static PriceTable Load(string path) => Read(path, sectionOnly: false);

    /// <summary>
    /// The built-in table overlaid with the <c>prices:</c> section of a workspace's <c>evolve.yaml</c>;
    /// the built-in table alone when the file has no such section (its other sections are not prices).
    /// </summary>
    /// <exception cref="InputException">The file is missing or an entry is malformed; errors name file, line and field.</exception>
    public static PriceTable LoadWorkspace(string path) => Read(path, sectionOnly: true);

    private static PriceTable Read(string path, bool sectionOnly)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new InputException(path, null, "prices", "price file not found");
        }

        var document = BoundedYaml.Read(InputText.Read(path), path);
        var prices = new Dictionary<string, ModelPrice>(PriceTableDefaults.Prices, StringComparer.OrdinalIgnoreCase);
        if (document is not YamlMappingNode root)
        {
            return new PriceTable(prices);
        }

        var hasSection = root.Children.TryGetValue(new YamlScalarNode("prices"), out var inner);
        if (sectionOnly && !hasSection)
        {
            return new PriceTable(prices);
        }

        var section = hasSection ? inner! : root;
        if (section is not YamlMappingNode entries)
        {
            throw new InputException(path, (int)section.Start.Line, "prices", "must map model ids to { input: <USD per 1M tokens>, output: <USD per 1M tokens> }");
        }

        var errors = new List<InputError>();
        foreach (var (key, value) in entries.Children)
        {
            var model = ((YamlScalarNode)key).Value ?? "";
            if (Parse(path, model, value, errors) is { } price)
            {
                prices[model] = price;
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : new PriceTable(prices);
    }

    /// <summary>The price of <paramref name="modelId"/>, or null when the table does not know it.</summary>
    public ModelPrice? Find(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        if (_prices.TryGetValue(modelId, out var exact))
        {
            return exact;
        }

        return _prices
            .Where(p => modelId.Length > p.Key.Length && modelId.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase) && modelId[p.Key.Length] is '-' or ':')
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }

    /// <summary>The cost in US dollars, or null when the model's price is unknown.</summary>
    public decimal? Cost(string modelId, long inputTokens, long outputTokens) => Find(modelId)?.Cost(inputTokens, outputTokens);

    private static ModelPrice? Parse(string path, string model, YamlNode value, List<InputError> errors)
    {
        var line = (int)value.Start.Line;
        if (value is not YamlMappingNode fields)
        {
            errors.Add(new InputError(path, line, $"prices.{model}", "must be { input: <USD per 1M tokens>, output: <USD per 1M tokens> }"));
            return null;
        }

        decimal? Read(string name)
        {
            if (!fields.Children.TryGetValue(new YamlScalarNode(name), out var node))
            {
                errors.Add(new InputError(path, line, $"prices.{model}.{name}", "missing (US dollars per million tokens)"));
                return null;
            }

            if (node is YamlScalarNode { Value: { } text } && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0)
            {
                return number;
            }

            errors.Add(new InputError(path, (int)node.Start.Line, $"prices.{model}.{name}", $"must be a number >= 0 (US dollars per million tokens), not '{(node as YamlScalarNode)?.Value}'"));
            return null;
        }

        var input = Read("input");
        var output = Read("output");
        foreach (var (key, _) in fields.Children)
        {
            if (((YamlScalarNode)key).Value is not ("input" or "output"))
            {
                errors.Add(new InputError(path, (int)key.Start.Line, $"prices.{model}.{key}", "unknown field; use input and output"));
            }
        }

        return input is { } i && output is { } o ? new ModelPrice(i, o) : null;
    }
}
