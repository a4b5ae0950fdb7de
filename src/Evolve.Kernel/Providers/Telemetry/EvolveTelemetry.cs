using System.Diagnostics;

namespace Evolve.Kernel.Providers.Telemetry;

/// <summary>
/// The names under which Evolve emits OpenTelemetry traces: model calls (one span per logical call,
/// with the gen_ai.* model and token tags of Microsoft.Extensions.AI's OpenTelemetryChatClient) and
/// rollouts. A tracer provider subscribes with <c>AddSource(EvolveTelemetry.SourceName)</c>; with no
/// subscriber, spans cost next to nothing.
/// </summary>
public static class EvolveTelemetry
{
    /// <summary>The ActivitySource name for every Evolve span.</summary>
    public const string SourceName = "Evolve";

    /// <summary>The source rollouts are traced on.</summary>
    public static ActivitySource Source { get; } = new(SourceName);
}
