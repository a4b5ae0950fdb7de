using System.Text.Json;

namespace Evolve.Kernel.Sandbox;

/// <summary>The events <see cref="PythonHarness"/> printed before it finished or was stopped.</summary>
internal sealed class HarnessReport
{
    private readonly Dictionary<string, PythonTestCaseResult> _results = new(StringComparer.Ordinal);

    /// <summary>Why the solution or tests did not load, as the harness said.</summary>
    public string? LoadError { get; private set; }

    /// <summary>The tests found, in run order; null when loading never finished.</summary>
    public IReadOnlyList<string>? TestNames { get; private set; }

    /// <summary>The test started last.</summary>
    public string? Running { get; private set; }

    /// <summary>True when the harness dropped some of the solution's own output.</summary>
    public bool Truncated { get; private set; }

    /// <summary>The result of <paramref name="name"/>, if it finished.</summary>
    public PythonTestCaseResult? Result(string name) => _results.GetValueOrDefault(name);

    /// <summary>Reads every marked line in <paramref name="stdout"/>; other lines are the solution's.</summary>
    public static HarnessReport Parse(string stdout, string marker)
    {
        var report = new HarnessReport();
        foreach (var line in stdout.Split('\n'))
        {
            var at = line.IndexOf(marker + " ", StringComparison.Ordinal);
            if (at >= 0)
            {
                report.Read(line[(at + marker.Length + 1)..]);
            }
        }

        return report;
    }

    private void Read(string json)
    {
        JsonElement e;
        try
        {
            e = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            return; // A line cut at the output limit.
        }

        switch (Text(e, "event"))
        {
            case "load_error":
                LoadError = Text(e, "message");
                break;
            case "loaded":
                TestNames = [.. e.GetProperty("tests").EnumerateArray().Select(t => t.GetString() ?? "")];
                break;
            case "start":
                Running = Text(e, "name");
                break;
            case "result":
                var name = Text(e, "name") ?? "";
                _results[name] = new PythonTestCaseResult(name, e.GetProperty("passed").GetBoolean(), Text(e, "message"));
                break;
            case "done":
                Truncated = e.GetProperty("truncated").GetBoolean();
                break;
        }
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
