using System.Diagnostics;
using System.Text.Json;

namespace Evolve.Kernel.Tests.Providers.Sim;

/// <summary>Runs Python source variants against assert-style tests in one real <c>python3</c> process.</summary>
internal static class PythonHarness
{
    private const string Runner =
        """
        import json, sys
        job = json.load(sys.stdin)
        results = []
        for source in job["variants"]:
            try:
                compile(source, "<answer>", "exec")
            except SyntaxError as e:
                results.append("syntax: " + str(e))
                continue
            ns = {}
            try:
                exec(source, ns)
                exec(job["tests"], ns)
                results.append("pass")
            except Exception as e:
                results.append("fail: " + type(e).__name__ + ": " + str(e))
        print(json.dumps(results))
        """;

    /// <summary>For each variant: "pass", "fail: ..." (with the real exception), or "syntax: ...".</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(string tests, IReadOnlyList<string> variants)
    {
        var start = new ProcessStartInfo("python3", ["-c", Runner])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(new { tests, variants }));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, "python3 failed: " + error);
        return JsonSerializer.Deserialize<List<string>>(output)!;
    }
}
