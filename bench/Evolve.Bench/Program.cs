namespace Evolve.Bench;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench/Evolve.Bench -- NAME [args]</c>.
/// Each benchmark is a named end-to-end measurement that prints its figures; <c>micro</c>
/// runs the BenchmarkDotNet suites.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Benchmarks = new(StringComparer.Ordinal)
    {
        ["gen-suite"] = GeneratedSuite.RunAsync,
        ["eval-phases"] = EvalPhases.RunAsync,
        ["humaneval-sandbox"] = Sandbox.HumanEvalSandboxBenchmark.RunAsync,
        ["sandbox-limits"] = Sandbox.SandboxLimitsBenchmark.RunAsync,
        ["random-search"] = RandomSearch.RunAsync,
        ["openai-stub"] = Loopback.OpenAiStubServer.RunAsync,
        ["report-render"] = ReportRender.RunAsync,
    };

    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var run))
        {
            Console.Error.WriteLine($"usage: Evolve.Bench <{string.Join('|', Benchmarks.Keys)}> [args]");
            return 2;
        }

        return await run(args[1..]);
    }
}
