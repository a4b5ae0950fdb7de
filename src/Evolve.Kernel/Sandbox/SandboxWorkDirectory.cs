using System.Globalization;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The work directories that hold a case's files (its hidden tests among them) under the temp
/// folder. Each is named <c>evolve-sbx-PID-START-random</c> after the Evolve process that owns it
/// (its pid and its start time in clock ticks since boot, so a reused pid is not taken for the
/// owner). A killed Evolve cannot delete its dirs; <see cref="SweepStale"/> removes those whose
/// owner is gone and leaves every live owner's alone. Owners are judged by this machine's /proc,
/// so processes sharing the temp folder must share a pid namespace.
/// </summary>
internal static class SandboxWorkDirectory
{
    private const string Prefix = "evolve-sbx-";

    private static readonly Lazy<long?> OwnStart = new(() => ProcessTable.StartTime("self"));

    /// <summary>A fresh, empty work directory owned by this process.</summary>
    public static string Create() =>
        Directory.CreateTempSubdirectory($"{Prefix}{Environment.ProcessId}-{OwnStart.Value ?? 0}-").FullName;

    /// <summary>Deletes every work directory whose owner has exited; best effort, never throws for one it cannot delete.</summary>
    public static void SweepStale()
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var dir in candidates)
        {
            if (Owner(Path.GetFileName(dir)) is { } owner && !IsAlive(owner.Pid, owner.Start))
            {
                Delete(dir);
            }
        }
    }

    /// <summary>Deletes a work directory, first making its subfolders writable (the code may have locked them).</summary>
    public static void Delete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                Unlock(dir);
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Someone else's or still in use; a later sweep tries again.
            }
        }
    }

    // Names from before owners were recorded (evolve-sbx-random) have no owner and are left alone.
    private static (int Pid, long Start)? Owner(string name)
    {
        var parts = name[Prefix.Length..].Split('-');
        return parts.Length >= 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? (pid, start)
            : null;
    }

    private static bool IsAlive(int pid, long start) => ProcessTable.StartTime(pid.ToString(CultureInfo.InvariantCulture)) == start;

    private static void Unlock(string dir)
    {
        foreach (var sub in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Prepend(dir))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(sub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }
}
