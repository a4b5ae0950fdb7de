using System.CommandLine;
using System.Globalization;
using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Verbs;

/// <summary>
/// <c>evolve models test URI</c>: one real round trip ("Say OK") straight to the provider (no
/// cache, no retries), printing the reply, latency and tokens, or why it failed.
/// </summary>
internal static class ModelsTestCommand
{
    public static Command Create(CliContext context, Func<string, string?> environment)
    {
        var uri = new Argument<string>("uri") { Description = "Model URI, for example openai:gpt-4.1-mini" };
        var command = new Command("test", """
            Send one short request ("Say OK") to a model and report the reply, latency and tokens.

            Exit codes: 0 it answered; 2 bad input (URI, evolve.yaml, missing or wrong key, unknown model);
            3 the call failed and may work later (host unreachable, timeout, server error).
            """);
        command.Arguments.Add(uri);
        command.SetAction(async (parse, ct) =>
        {
            var model = ModelUri.Parse(parse.GetValue(uri), "uri");
            var options = new ModelOptions
            {
                Workspace = ModelsVerb.LoadConfig(context), EnvironmentVariables = environment, TimeProvider = context.Dependencies.Time,
            };
            using var client = ModelFactory.CreateProvider(model, options);
            var time = context.Dependencies.Time;
            var started = time.GetTimestamp();
            try
            {
                var response = await client.GetResponseAsync("Say OK", new ChatOptions { MaxOutputTokens = 16 }, ct).ConfigureAwait(false);
                var latency = time.GetElapsedTime(started);
                await context.Out.WriteLineAsync($"model:   {model.Description}").ConfigureAwait(false);
                await context.Out.WriteLineAsync($"answer:  {Shorten(response.Text)}").ConfigureAwait(false);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"latency: {latency.TotalMilliseconds:0} ms")).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"tokens:  {Count(response.Usage?.InputTokenCount)} in, {Count(response.Usage?.OutputTokenCount)} out").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (ModelCallException ex)
            {
                await context.Error.WriteLineAsync($"error: {model.Id}: {ex.Message}").ConfigureAwait(false);
                await context.Error.WriteLineAsync(Advice(ex.Kind)).ConfigureAwait(false);
                return ex.Kind == ModelCallFailure.Permanent ? ExitCodes.BadInput : ExitCodes.SystemicFailure;
            }
        });
        return command;
    }

    private static string Advice(ModelCallFailure kind) => kind switch
    {
        ModelCallFailure.Permanent => "(this will not work until the key, the model name or the endpoint is fixed)",
        ModelCallFailure.Transient => "(this may work later: check that the server is running and reachable)",
        _ => "(the server rejected this request)",
    };

    private static string Count(long? tokens) => tokens?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 120 ? line : line[..120] + "…";
    }
}
