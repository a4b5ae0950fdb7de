using Evolve.Core.Gepa.Search;
using Evolve.Core.Reports;
using Evolve.Core.Reports.Run;
using Evolve.Core.Suites;
using Evolve.Kernel.Sandbox;

namespace Evolve.Cli.Verbs;

/// <summary>The choice flags several verbs share, spelt once.</summary>
internal static class Choices
{
    /// <summary>Sandbox levels as the scorer factory names them (auto picks the strongest available).</summary>
    public static ChoiceOption<SandboxLevel?> Sandbox(string description = "Sandbox for generated code") =>
        new("--sandbox", description, SandboxLevelNames.Auto, SandboxLevelNames.Named);

    /// <summary>Which cases an evaluation runs; all (null) is every split.</summary>
    public static ChoiceOption<Split?> Split() => new("--split", "Cases to run", "all", SplitNames.Named);

    /// <summary>Parent selection strategies of the search.</summary>
    public static ChoiceOption<ParentSelection> Selection() => new("--selection", "Parent selection", "pareto", ParentSelectors.Named);

    /// <summary>Eval output formats.</summary>
    public static ChoiceOption<EvalOutputFormat> EvalFormat() => new(
        "--format", "Output format", "table",
        [("table", EvalOutputFormat.Table), ("json", EvalOutputFormat.Json), ("csv", EvalOutputFormat.Csv), ("junit", EvalOutputFormat.Junit)],
        "-f");

    /// <summary>Run report formats.</summary>
    public static ChoiceOption<RunReportFormat> ReportFormat(string description) => new(
        "--format", description, "html", [("html", RunReportFormat.Html), ("md", RunReportFormat.Md), ("json", RunReportFormat.Json)], "-f");

    /// <summary>A choice of plain names.</summary>
    public static ChoiceOption<string> Strings(string name, string description, string? defaultName, IReadOnlyList<string> names, params string[] aliases) =>
        new(name, description, defaultName, names.Select(n => (n, n)).ToList(), aliases);
}
