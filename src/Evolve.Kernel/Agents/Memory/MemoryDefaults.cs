namespace Evolve.Kernel.Agents.Memory;

/// <summary>Default caps and file names of agent memory (the sizes Hermes found to fit a prompt prefix).</summary>
internal static class MemoryDefaults
{
    public const int MemoryCharLimit = 2200;
    public const int UserCharLimit = 1375;

    // Below this even one short entry cannot fit, so the cap would only ever produce errors.
    public const int MinimumCharLimit = 64;

    public const string BulletPrefix = "- ";

    public static string FileName(MemoryTarget target) => target == MemoryTarget.User ? "USER.md" : "MEMORY.md";

    public static string ArchiveFileName(MemoryTarget target) => target == MemoryTarget.User ? "USER.archive.md" : "MEMORY.archive.md";
}
