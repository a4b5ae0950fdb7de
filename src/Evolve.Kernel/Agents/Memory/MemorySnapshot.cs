namespace Evolve.Kernel.Agents.Memory;

/// <summary>
/// Memory frozen at session start for the prompt. It is a copy: edits made during the session go
/// to the files and show up in the next session's snapshot, which keeps the prompt prefix stable.
/// </summary>
/// <param name="Memory">The text of MEMORY.md ("" when empty).</param>
/// <param name="User">The text of USER.md ("" when empty).</param>
public sealed record MemorySnapshot(string Memory, string User);
