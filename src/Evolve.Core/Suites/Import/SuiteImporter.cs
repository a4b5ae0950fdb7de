using System.Text.RegularExpressions;
using Evolve.Kernel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Imports suites written for other tools as an Evolve suite (<c>evals/NAME/</c>) and a seed
/// agent (<c>prompts/NAME/</c>). Nothing is written when the source has errors or when either
/// folder exists and <c>force</c> is false.
/// </summary>
public static partial class SuiteImporter
{
    /// <summary>Imports <paramref name="source"/> (a promptfooconfig.yaml, or a HumanEval .jsonl[.gz]).</summary>
    /// <param name="kind">The source format.</param>
    /// <param name="source">The file to import.</param>
    /// <param name="name">Suite and agent name; defaults to the promptfoo config's folder name, or <c>humaneval</c>.</param>
    /// <param name="evalsDir">Where suites live (the suite is written to <c>evalsDir/NAME</c>).</param>
    /// <param name="promptsDir">Where agents live (the agent is written to <c>promptsDir/NAME</c>).</param>
    /// <param name="force">Overwrite the files of an existing suite or agent of that name.</param>
    /// <param name="cancellationToken">Cancels reading and writing.</param>
    /// <returns>The files written and the warnings to show the user.</returns>
    /// <exception cref="InputException">The source is missing or malformed, the name is invalid, or the target exists.</exception>
    public static async Task<ImportResult> ImportAsync(
        ImportKind kind,
        string source,
        string? name,
        string evalsDir,
        string promptsDir,
        bool force = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(evalsDir);
        ArgumentNullException.ThrowIfNull(promptsDir);
        if (!File.Exists(source))
        {
            throw new InputException(source, null, null, $"the file to import does not exist");
        }

        name ??= kind == ImportKind.HumanEval
            ? "humaneval"
            : Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(source))) ?? "imported";
        if (!ValidName().IsMatch(name))
        {
            throw new InputException("--name", null, "--name",
                $"'{name}' cannot name a suite folder; use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }

        var plan = kind switch
        {
            ImportKind.Promptfoo => await PromptfooImporter.PlanAsync(source, name, cancellationToken),
            ImportKind.HumanEval => await HumanEvalImporter.PlanAsync(source, name, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown import kind"),
        };
        return await plan.WriteAsync(evalsDir, promptsDir, force, cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ValidName();
}
