using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The events <see cref="PythonHarness"/> printed before it finished or was stopped. A line counts
/// only when its HMAC under the run's key is right and its sequence number is past the last one
/// taken, so lines the answer prints, or copies from an earlier point of the run, are ignored.
/// </summary>
internal sealed class HarnessReport
{
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

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

    /// <summary>Reads every authentic report line in <paramref name="stdout"/>; everything else is ignored.</summary>
    public static HarnessReport Parse(string stdout, byte[] key)
    {
        var report = new HarnessReport();
        var last = -1L;
        foreach (var line in stdout.Split('\n'))
        {
            var at = line.IndexOf(PythonHarness.LinePrefix, StringComparison.Ordinal);
            var parts = at < 0 ? [] : line[(at + PythonHarness.LinePrefix.Length)..].Split(' ', 3);
            if (parts.Length == 3
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                && seq > last
                && Authentic(key, parts[0], parts[1], parts[2]))
            {
                last = seq;
                report.Read(parts[2]);
            }
        }

        return report;
    }

    private static bool Authentic(byte[] key, string seq, string mac, string body)
    {
        if (mac.Length != 64 || mac.AsSpan().ContainsAnyExcept(LowerHex))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(seq + " " + body));
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(mac), expected);
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
