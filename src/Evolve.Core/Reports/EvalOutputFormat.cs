namespace Evolve.Core.Reports;

/// <summary>Machine-readable formats of an evaluation (the table is drawn by the CLI).</summary>
public enum EvalOutputFormat
{
    /// <summary>A human table.</summary>
    Table,

    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>One row per rollout.</summary>
    Csv,

    /// <summary>JUnit XML: one test case per rollout, for CI systems.</summary>
    Junit,
}
