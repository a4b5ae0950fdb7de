using Evolve.Core.Compare;
using Evolve.Core.Reports.Insights;

namespace Evolve.Core.Reports.Compare;

/// <summary>What differs between the two sides' texts, component by component, for the prompt diff sections.</summary>
internal static class CompareSides
{
    /// <summary>Each component whose text differs between A and B (a component only one side has counts, against empty text), in ordinal order.</summary>
    public static IReadOnlyList<(string Component, PromptDiffResult Diff)> ChangedComponents(CompareResult result)
    {
        var a = result.A.Candidate.Components;
        var b = result.B.Candidate.Components;
        return a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Select(name => (name, PromptDiff.Compute(a.GetValueOrDefault(name, string.Empty), b.GetValueOrDefault(name, string.Empty))))
            .Where(x => !x.Item2.Identical)
            .ToList();
    }

    /// <summary>
    /// E.g. <c>seed — run … (optimize), candidate 3f2a… (given as RUN:seed)</c>: the side's name, where
    /// its texts came from, and the reference as given when the name is not that reference.
    /// </summary>
    public static string Describe(ResolvedCandidate side, string name) =>
        $"{name} — {side.Source}, candidate {side.Candidate.ShortId}" + (name == side.Reference.Text ? "" : $" (given as {side.Reference.Text})");

    /// <summary>The split and size line: <c>qa, split all, 3 cases x 2 repeats</c>.</summary>
    public static string SuiteLine(CompareResult result) =>
        $"{result.Suite.Name}, split {result.Split}, {result.Cases.Count} {CompareWording.Cases(result.Cases.Count)} x {result.Repeat} {(result.Repeat == 1 ? "repeat" : "repeats")}";
}
