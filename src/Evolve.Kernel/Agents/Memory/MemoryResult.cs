namespace Evolve.Kernel.Agents.Memory;

/// <summary>
/// The outcome of a memory edit, written for the model that asked for it: refusals and ambiguous
/// edits are results (with <see cref="Success"/> false), not exceptions.
/// </summary>
/// <param name="Success">Whether the file was changed as asked (or already held the entry).</param>
/// <param name="Message">What happened, or why nothing did.</param>
/// <param name="Archived">Entries moved to the archive file to make room, oldest first.</param>
public sealed record MemoryResult(bool Success, string Message, IReadOnlyList<string> Archived)
{
    internal static MemoryResult Ok(string message, IReadOnlyList<string>? archived = null) =>
        new(true, message, archived ?? []);

    internal static MemoryResult Error(string message) => new(false, message, []);
}
