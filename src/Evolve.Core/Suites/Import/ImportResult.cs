using Evolve.Kernel;

namespace Evolve.Core.Suites.Import;

/// <summary>What an import wrote, and what it could not carry over faithfully.</summary>
/// <param name="Name">The suite and agent name.</param>
/// <param name="SuiteDirectory">The suite folder written (<c>evals/NAME</c>).</param>
/// <param name="AgentDirectory">The agent folder written (<c>prompts/NAME</c>).</param>
/// <param name="FilesWritten">Every file written, in the order written.</param>
/// <param name="Warnings">
/// What needs the user's attention, each with the source file, line and field: template filters
/// without a Scriban equivalent, assertions that need a judge model, parts of the source ignored.
/// </param>
public sealed record ImportResult(
    string Name,
    string SuiteDirectory,
    string AgentDirectory,
    IReadOnlyList<string> FilesWritten,
    IReadOnlyList<InputError> Warnings);
