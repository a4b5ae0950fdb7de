using System.Globalization;

namespace Evolve.Kernel.Sandbox;

/// <summary>Everything a level needs to wrap one run's command line.</summary>
/// <param name="WorkDirectory">The run's private work directory on the host.</param>
/// <param name="Uid">The unprivileged uid the code runs as when Evolve is root; null otherwise.</param>
/// <param name="Limits">The run's limits.</param>
/// <param name="Command">The user's command.</param>
internal sealed record SandboxSetup(string WorkDirectory, SandboxUid? Uid, SandboxLimits Limits, IReadOnlyList<string> Command)
{
    /// <summary>Largest file the code may write (RLIMIT_FSIZE), so a run cannot fill the disk with one file.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>How every explanation names <see cref="MaxFileBytes"/>.</summary>
    public static string FileCapText { get; } = $"file-size limit of {MaxFileBytes / (1024 * 1024)} MiB per file";

    /// <summary>
    /// Size of each tmpfs the isolating levels give the code (work dir, <c>/tmp</c>, <c>/dev/shm</c>).
    /// tmpfs pages are host memory that RLIMIT_AS does not count, so all three together stay below
    /// the default 512 MiB memory limit.
    /// </summary>
    public const long ScratchBytes = 64L * 1024 * 1024;

    /// <summary>
    /// <c>prlimit</c> and its limits, followed by the user's command. It runs innermost, as the
    /// final uid, so RLIMIT_NPROC counts only the code's own processes.
    /// </summary>
    public IEnumerable<string> LimitedCommand(int extraProcesses = 0) =>
    [
        "prlimit",
        "--as=" + Limits.MemoryBytes.ToString(CultureInfo.InvariantCulture),
        "--nproc=" + (Limits.MaxProcesses + extraProcesses).ToString(CultureInfo.InvariantCulture),
        "--fsize=" + MaxFileBytes.ToString(CultureInfo.InvariantCulture),
        "--core=0",
        $"--cpu={CpuSeconds}:{CpuSeconds + 1}",
        "--",
        .. Command,
    ];

    private int CpuSeconds => Math.Max(1, (int)Math.Ceiling(Limits.CpuTime.TotalSeconds));

    /// <summary>The environment the code sees, with <paramref name="home"/> as HOME and cwd.</summary>
    public static Dictionary<string, string> Environment(string home, string tempDirectory) => new(StringComparer.Ordinal)
    {
        ["PATH"] = PythonLocator.SandboxPath(),
        ["HOME"] = home,
        ["TMPDIR"] = tempDirectory,
        ["LANG"] = "C.UTF-8",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["PYTHONIOENCODING"] = "utf-8",
    };
}
