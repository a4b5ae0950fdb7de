namespace Evolve.Core.Suites.Import;

/// <summary>
/// Nunjucks filters and the Scriban function that does the same. An empty mapping means the filter
/// changes nothing in plain-text output (<c>safe</c>) and is dropped.
/// </summary>
internal static class NunjucksFilters
{
    public static IReadOnlyDictionary<string, string> ToScriban { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["upper"] = "string.upcase",
        ["lower"] = "string.downcase",
        ["capitalize"] = "string.capitalize",
        ["title"] = "string.capitalizewords",
        ["trim"] = "string.strip",
        ["replace"] = "string.replace",
        ["truncate"] = "string.truncate",
        ["length"] = "object.size",
        ["default"] = "object.default",
        ["d"] = "object.default",
        ["dump"] = "object.to_json",
        ["tojson"] = "object.to_json",
        ["join"] = "array.join",
        ["first"] = "array.first",
        ["last"] = "array.last",
        ["reverse"] = "array.reverse",
        ["sort"] = "array.sort",
        ["unique"] = "array.uniq",
        ["escape"] = "html.escape",
        ["e"] = "html.escape",
        ["striptags"] = "html.strip",
        ["urlencode"] = "html.url_encode",
        ["nl2br"] = "html.newline_to_br",
        ["abs"] = "math.abs",
        ["round"] = "math.round",
        ["safe"] = "",
    };
}
