using System.Text.Json;
using System.Text.Json.Nodes;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// One <c>python</c> assertion, parsed once: inline code (one line is an expression, several a
/// function body) or a file's text and function. Each check runs in a fresh sandbox process under
/// the sandbox's limits (time, memory, processes, no network, only its work folder writable);
/// whatever the code does becomes a <see cref="ScriptResult"/>, never an exception.
/// </summary>
internal sealed class PythonScript
{
    private readonly string? _code;
    private readonly string? _file;
    private readonly string? _function;

    private PythonScript(string? code, string? file, string? function, string shown)
    {
        (_code, _file, _function, Shown) = (code, file, function, shown);
    }

    /// <summary>How the check is named in feedback.</summary>
    public string Shown { get; }

    public static PythonScript Inline(string code) => new(code.Trim('\n', '\r'), null, null, code.Trim());

    public static PythonScript File(string path, string text, string? function) =>
        new(null, text, function, Path.GetFileName(path) + (function is null ? "" : ":" + function));

    /// <summary>Runs the check on <paramref name="output"/> with <paramref name="contextJson"/> (as <c>context</c>).</summary>
    public async Task<ScriptResult> RunAsync(ISandbox sandbox, string output, string contextJson, CancellationToken cancellationToken)
    {
        var config = new JsonObject
        {
            ["output"] = output,
            ["context"] = JsonNode.Parse(contextJson),
            ["code"] = _code,
            ["expression"] = _code is not null && !_code.Trim().Contains('\n', StringComparison.Ordinal),
            ["file"] = _file is not null,
            ["function"] = _function,
        };
        var files = new Dictionary<string, string> { [PythonAssertionHarness.FileName] = PythonAssertionHarness.Script };
        if (_file is not null)
        {
            files[PythonAssertionHarness.ScriptFile] = _file;
        }

        var result = await sandbox.RunAsync(new SandboxRequest(["python3", "-I", PythonAssertionHarness.FileName], files, config.ToJsonString()), cancellationToken).ConfigureAwait(false);
        if (result.Outcome != SandboxOutcome.Exited)
        {
            return ScriptResult.Error(result.Explanation ?? $"the check ended with {result.Outcome}");
        }

        // The harness writes one line; the check's own prints went to stderr.
        var line = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        try
        {
            using var reply = JsonDocument.Parse(line ?? "");
            var root = reply.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                return ScriptResult.Error(error.GetString() ?? "it failed");
            }

            bool? pass = root.TryGetProperty("pass", out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.GetBoolean() : null;
            double? score = root.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null;
            var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return root.TryGetProperty("grading", out _) ? ScriptResult.Grading(pass, score, reason)
                : pass is { } b ? ScriptResult.Boolean(b)
                : ScriptResult.Number(score ?? 0);
        }
        catch (JsonException)
        {
            var why = result.Stderr.Trim();
            return ScriptResult.Error("it gave no result" + (why.Length > 0 ? ": " + why[..Math.Min(why.Length, 400)] : $" (exit code {result.ExitCode})"));
        }
    }
}
