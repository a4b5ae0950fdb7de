using System.Globalization;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// What <c>/proc</c> says of processes: counts by real uid, zombies included, because that is what
/// RLIMIT_NPROC counts (kill(-1, 0) cannot tell: it succeeds whenever any process exists), and
/// start times, which tell a process from a later one that reuses its pid.
/// </summary>
internal static class ProcessTable
{
    /// <summary>Number of processes whose real uid is <paramref name="uid"/>.</summary>
    public static int ProcessCount(int uid) => Count(uid, threads: false);

    /// <summary>Number of tasks (threads) whose real uid is <paramref name="uid"/>.</summary>
    public static int TaskCount(int uid) => Count(uid, threads: true);

    /// <summary>The real uid of this process.</summary>
    public static int SelfUid() => RealUid("/proc/self") ?? -1;

    /// <summary>When <paramref name="process"/> (a pid, or <c>self</c>) started, in clock ticks since boot; null when it is gone.</summary>
    public static long? StartTime(string process)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{process}/stat");
            // Field 22; the command name (field 2) may hold spaces and parentheses, so count after its last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static int Count(int uid, bool threads)
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!char.IsDigit(Path.GetFileName(dir)[0]) || RealUid(dir) != uid)
            {
                continue;
            }

            try
            {
                count += threads ? Directory.EnumerateDirectories(Path.Combine(dir, "task")).Count() : 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // It ended while we looked.
            }
        }

        return count;
    }

    private static int? RealUid(string processDirectory)
    {
        try
        {
            foreach (var line in File.ReadLines(Path.Combine(processDirectory, "status")))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    var fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
                    return int.Parse(fields[1], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // It ended while we looked.
        }

        return null;
    }
}
