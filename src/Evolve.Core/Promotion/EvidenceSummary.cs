using System.Globalization;
using System.Text.Json.Nodes;

namespace Evolve.Core.Promotion;

/// <summary>One line per target model of a version's evidence, for <c>evolve library history</c>.</summary>
public static class EvidenceSummary
{
    /// <summary>
    /// For example <c>sim (simulated): arith holdout n 7 x3, live 0.714, candidate 0.857, diff +0.143 [+0.000, +0.286]</c>;
    /// "-" when there is none.
    /// </summary>
    public static string Format(JsonObject? evidence)
    {
        if (evidence is null || evidence.Count == 0)
        {
            return "-";
        }

        var parts = new List<string>();
        foreach (var (model, node) in evidence)
        {
            if (node is not JsonObject e)
            {
                parts.Add($"{model}: {node?.ToJsonString()}");
                continue;
            }

            var simulated = e["simulated"]?.GetValue<bool>() == true ? " (simulated)" : "";
            var text = $"{model}{simulated}: {e["suite"]} {e["split"]}";
            if (e["n"] is { } n)
            {
                text += string.Create(
                    CultureInfo.InvariantCulture,
                    $" n {n} x{e["repeat"]}, live {Number(e["live_mean"])}, candidate {Number(e["candidate_mean"])}, diff {Signed(e["difference"])}");
                if (e["ci"] is JsonArray { Count: 2 } ci)
                {
                    text += $" [{Signed(ci[0])}, {Signed(ci[1])}]";
                }
            }

            parts.Add(text);
        }

        return string.Join("; ", parts);
    }

    private static string Number(JsonNode? node) =>
        node is null ? "?" : node.GetValue<double>().ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(JsonNode? node) =>
        node is null ? "?" : node.GetValue<double>().ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
}
