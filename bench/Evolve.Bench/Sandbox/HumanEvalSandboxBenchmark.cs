using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Evolve.Kernel;
using Evolve.Kernel.Sandbox;

namespace Evolve.Bench.Sandbox;

/// <summary>
/// End-to-end sandbox throughput: every HumanEval problem's canonical solution against its
/// <c>check</c> under one sandbox level (all must pass), then as many bare <c>python3 -c pass</c>
/// runs under the same level, to separate sandbox cost from test cost.
/// Usage: <c>humaneval-sandbox [FILE.jsonl.gz] [--sandbox auto|bwrap|namespaces|process]</c>.
/// </summary>
internal static class HumanEvalSandboxBenchmark
{
    private const string DefaultPath = "../shared/datasets/humaneval/HumanEval.jsonl.gz";

    public static async Task<int> RunAsync(string[] args)
    {
        var level = "auto";
        string? path = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--sandbox" && i + 1 < args.Length)
            {
                level = args[++i];
            }
            else
            {
                path = args[i];
            }
        }

        path ??= FindDefault();
        if (!File.Exists(path))
        {
            // The full dataset is not in the repository (tests use a 10-problem subset under tests/Shared/Fixtures).
            Console.Error.WriteLine($"humaneval-sandbox: {path} not found: this benchmark reads the full HumanEval.jsonl.gz from {DefaultPath} beside the repository, or from the FILE argument");
            return 2;
        }

        ISandbox sandbox;
        try
        {
            sandbox = await SandboxFactory.Shared.CreateAsync(SandboxLevelNames.Parse(level));
        }
        catch (InputException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var problems = Load(path);
        var concurrency = Environment.ProcessorCount;
        Console.WriteLine($"sandbox: {SandboxLevelNames.Name(sandbox.Level)}; {problems.Count} problems from {path}; concurrency {concurrency}");

        var runner = new PythonTestRunner(sandbox);
        var failures = new List<string>();
        var passed = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(problems, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (p, ct) =>
        {
            var run = await runner.RunAsync(p.Prompt + p.CanonicalSolution, p.Test, p.EntryPoint, ct);
            if (run.AllPassed)
            {
                Interlocked.Increment(ref passed);
            }
            else
            {
                lock (failures)
                {
                    failures.Add($"{p.TaskId}: {run.LoadError ?? string.Join("; ", run.Tests.Where(t => !t.Passed).Select(t => t.Message))}");
                }
            }
        });
        var testsSeconds = watch.Elapsed.TotalSeconds;
        failures.ForEach(f => Console.WriteLine($"  FAIL {f}"));
        Console.WriteLine($"canonical solutions: {passed}/{problems.Count} passed in {testsSeconds:0.00} s = {problems.Count / testsSeconds:0.0} tasks/s");

        var bare = new SandboxRequest(["python3", "-c", "pass"]);
        var spawned = 0;
        watch.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, problems.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, ct) =>
        {
            var result = await sandbox.RunAsync(bare, ct);
            if (result.Succeeded)
            {
                Interlocked.Increment(ref spawned);
            }
            else
            {
                Console.WriteLine($"  FAIL bare spawn: {result.Outcome} exit {result.ExitCode}: {result.Explanation} {result.Stderr.Trim()}");
            }
        });
        var bareSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"bare python3 -c pass: {spawned}/{problems.Count} ok in {bareSeconds:0.00} s = {problems.Count / bareSeconds:0.0} spawns/s");
        return passed == problems.Count && spawned == problems.Count ? 0 : 1;
    }

    private static List<Problem> Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var problems = new List<Problem>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                var e = JsonDocument.Parse(line).RootElement;
                problems.Add(new Problem(
                    e.GetProperty("task_id").GetString()!,
                    e.GetProperty("prompt").GetString()!,
                    e.GetProperty("canonical_solution").GetString()!,
                    e.GetProperty("test").GetString()!,
                    e.GetProperty("entry_point").GetString()!));
            }
        }

        return problems;
    }

    // The default is relative to the repository root; a worktree nested deeper finds it further up.
    private static string FindDefault()
    {
        var dir = new DirectoryInfo(Environment.CurrentDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Evolve.sln")))
        {
            dir = dir.Parent;
        }

        for (var root = dir; root is not null; root = root.Parent)
        {
            var candidate = Path.GetFullPath(Path.Combine(root.FullName, DefaultPath));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(DefaultPath);
    }

    private sealed record Problem(string TaskId, string Prompt, string CanonicalSolution, string Test, string EntryPoint);
}
