using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Evolve.Kernel.Sandbox;

namespace Evolve.Bench.Sandbox;

/// <summary>
/// What each sandbox level actually isolates and limits, measured with tiny hostile scripts under
/// the default limits: a memory hog, tmpfs and disk hogs, reads of host files, a network
/// connection, a thread bomb, a setsid double fork and a busy loop. Prints one Markdown table
/// (one column per level). Only the public sandbox API is used, so the same file measures an
/// older tree. Usage: <c>sandbox-limits [bwrap|namespaces|process ...]</c>.
/// </summary>
internal static class SandboxLimitsBenchmark
{
    // The hogs stop themselves at this many MiB, so a level with no bound does not fill the host.
    private const int HogCapMiB = 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        if (OperatingSystem.IsWindows())
        {
            Console.Error.WriteLine("sandbox-limits: the sandbox runs on Linux only");
            return 2;
        }

        var probes = await SandboxFactory.Shared.ProbeAsync();
        var levels = probes.Where(p => p.Available && (args.Length == 0 || args.Contains(SandboxLevelNames.Name(p.Level)))).Select(p => p.Level).ToList();
        var temp = Directory.CreateTempSubdirectory("evolve-bench-limits-").FullName;
        File.SetUnixFileMode(temp, (UnixFileMode)0b111_111_111);
        var marker = Path.Combine(temp, "marker.txt");
        File.WriteAllText(marker, "host-marker");
        File.SetUnixFileMode(marker, (UnixFileMode)0b110_100_100);
        try
        {
            var rows = new List<(string Check, List<string> Cells)>();
            foreach (var level in levels)
            {
                var cells = await MeasureAsync(SandboxFactory.Shared.Create(level), marker);
                for (var i = 0; i < cells.Count; i++)
                {
                    if (rows.Count <= i)
                    {
                        rows.Add((cells[i].Check, []));
                    }

                    rows[i].Cells.Add(cells[i].Value);
                }
            }

            Console.WriteLine($"user {Environment.UserName}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine();
            Console.WriteLine("| check | " + string.Join(" | ", levels.Select(l => SandboxLevelNames.Name(l))) + " |");
            Console.WriteLine("|---|" + string.Concat(levels.Select(_ => "---|")));
            foreach (var (check, cells) in rows)
            {
                Console.WriteLine($"| {check} | {string.Join(" | ", cells)} |");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static async Task<List<(string Check, string Value)>> MeasureAsync(ISandbox sandbox, string marker)
    {
        var limits = SandboxLimits.Default;
        var results = new List<(string, string)>();
        async Task<string> Run(string code, SandboxLimits? with = null)
        {
            var result = await sandbox.RunAsync(new SandboxRequest(["python3", "main.py"], new Dictionary<string, string> { ["main.py"] = code }, Limits: with ?? limits));
            return result.Succeeded ? result.Stdout.Trim() : $"{result.Outcome}: {result.Explanation ?? result.Stderr.Trim().Split('\n')[^1]}";
        }

        // Writing to a real disk costs CPU time; the hogs get enough that only a space bound stops them.
        var hog = limits with { CpuTime = TimeSpan.FromSeconds(10), WallTime = TimeSpan.FromSeconds(30) };
        results.Add(($"memory: MiB allocated (limit {limits.MemoryBytes >> 20} MiB)", await Run(SandboxLimitsScripts.MemoryHog)));
        foreach (var place in new[] { "/dev/shm", "/tmp", "." })
        {
            var name = place == "." ? "work dir" : place;
            results.Add(($"{name}: MiB written in 1 MiB files (script stops at {HogCapMiB})", await Run(SandboxLimitsScripts.Fill(place, HogCapMiB), hog)));
        }

        results.Add(("one file: MiB written", await Run(SandboxLimitsScripts.OneFile(HogCapMiB), hog)));
        results.Add(("/etc/passwd", await Run(SandboxLimitsScripts.Read("/etc/passwd"))));
        results.Add(("marker in the caller's temp folder", await Run(SandboxLimitsScripts.Read(marker))));
        results.Add(("caller's cwd", await Run(SandboxLimitsScripts.Read(Environment.CurrentDirectory))));
        results.Add(("entries in /", await Run("import os\nprint(len(os.listdir('/')), 'entries')")));
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            results.Add(("connect to a host listener on 127.0.0.1", await Run(SandboxLimitsScripts.Connect(((IPEndPoint)listener.LocalEndpoint).Port))));
        }

        results.Add(($"child processes forked (limit {limits.MaxProcesses} processes)", await Run(SandboxLimitsScripts.Forks)));
        results.Add(($"threads started (limit {limits.MaxProcesses} processes)", await Run(SandboxLimitsScripts.Threads)));
        var seconds = 7000 + Random.Shared.Next(1000);
        var forked = await Run(SandboxLimitsScripts.DoubleFork(seconds));
        results.Add(("setsid double fork: grandchild after the run", $"{forked}, {await SurvivorAsync(seconds)}"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var loop = await Run("while True:\n    pass", limits with { WallTime = TimeSpan.FromSeconds(30) });
        results.Add(($"busy loop (CPU {limits.CpuTime.TotalSeconds:0} s)", $"{loop.Split(':')[0]} after {started.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"));
        return results;
    }

    // A pid namespace may still be tearing down when its wrapper returns: look again for up to 2 s
    // before calling the grandchild a survivor (and killing it: the benchmark started it).
    private static async Task<string> SurvivorAsync(int seconds)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (Survivors(seconds).Count == 0)
        {
            return "gone when the run returned";
        }

        while (watch.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(20);
            if (Survivors(seconds).Count == 0)
            {
                return $"still running when the run returned, gone {watch.Elapsed.TotalMilliseconds:0} ms later";
            }
        }

        foreach (var pid in Survivors(seconds))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Exited meanwhile.
            }
        }

        return "survived (still running 2 s later)";
    }

    private static List<int> Survivors(int seconds)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => char.IsDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")) == $"sleep\0{seconds}\0")
                {
                    found.Add(int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Exited while we looked.
            }
        }

        return found;
    }
}
