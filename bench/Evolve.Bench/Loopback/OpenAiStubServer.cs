using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Evolve.Bench.Loopback;

/// <summary>
/// <c>openai-stub --port P --delay-ms 100</c>: an OpenAI-compatible chat-completions endpoint on
/// 127.0.0.1 that answers every request after a fixed delay, in its own process so the benchmark
/// can measure Evolve's CPU apart from the server's. For generated suites ("What is item N?") it
/// answers "answer N", so the rollouts also pass; anything else gets "OK".
/// </summary>
internal static partial class OpenAiStubServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(Arg(args, "--port", "18181"), CultureInfo.InvariantCulture);
        var delay = TimeSpan.FromMilliseconds(double.Parse(Arg(args, "--delay-ms", "100"), CultureInfo.InvariantCulture));
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        long served = 0;
        app.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var messages = body.RootElement.GetProperty("messages");
            var last = messages[messages.GetArrayLength() - 1].GetProperty("content");
            var text = last.ValueKind == JsonValueKind.String ? last.GetString() ?? "" : last.ToString();
            var match = ItemQuestion().Match(text);
            var answer = match.Success ? $"answer {match.Groups[1].Value}" : "OK";
            await Task.Delay(delay);
            Interlocked.Increment(ref served);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                id = "chatcmpl-stub", @object = "chat.completion", created = 0, model = body.RootElement.GetProperty("model").GetString(),
                choices = new[] { new { index = 0, message = new { role = "assistant", content = answer }, finish_reason = "stop" } },
                usage = new { prompt_tokens = text.Length / 4 + 10, completion_tokens = 3, total_tokens = text.Length / 4 + 13 },
            }));
        });
        await app.StartAsync();
        Console.WriteLine($"openai-stub listening on http://127.0.0.1:{port}/v1 (delay {delay.TotalMilliseconds} ms)");
        var done = new TaskCompletionSource();
        using var _ = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; done.TrySetResult(); });
        using var __ = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; done.TrySetResult(); });
        await done.Task;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await app.StopAsync();
        Console.WriteLine($"openai-stub served {served} requests, server CPU {cpu.TotalSeconds:F2} s");
        return 0;
    }

    [GeneratedRegex(@"What is item (\d+)\?")]
    private static partial Regex ItemQuestion();

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
