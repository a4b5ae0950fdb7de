namespace Evolve.Core.Reports.Run;

/// <summary>Renderings of a run report.</summary>
public enum RunReportFormat
{
    /// <summary>One self-contained page with inline SVG charts (report.html).</summary>
    Html,

    /// <summary>The summary for a pull request (report.md).</summary>
    Md,

    /// <summary>The data, machine-readable (report.json).</summary>
    Json,
}
