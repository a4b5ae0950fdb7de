using Evolve.Core.Evaluation;

namespace Evolve.Cli;

/// <summary>
/// What a verb runs against: where to write, where it was started, and how to build models and
/// scorers. Tests create one with string writers and fakes; the program uses the real console.
/// </summary>
/// <param name="Out">Results (tables, JSON, CSV, XML).</param>
/// <param name="Error">Progress, notes and errors.</param>
/// <param name="WorkingDirectory">Where relative paths and the workspace search start.</param>
/// <param name="Dependencies">Model and scorer factories.</param>
/// <param name="Interactive">True when the error stream is a terminal: draw a progress bar instead of plain lines.</param>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    string WorkingDirectory,
    EvalDependencies Dependencies,
    bool Interactive);
