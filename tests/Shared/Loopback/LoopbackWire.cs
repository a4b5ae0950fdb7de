using System.Text.Json.Nodes;

namespace Evolve.Tests.Shared.Loopback;

/// <summary>One provider's wire format as a loopback server speaks it.</summary>
public abstract class LoopbackWire
{
    /// <summary>Provider name, for messages.</summary>
    public abstract string Name { get; }

    /// <summary>Content type of a streamed answer.</summary>
    public abstract string StreamContentType { get; }

    /// <summary>True for the chat endpoint's path.</summary>
    public abstract bool IsChat(string path);

    /// <summary>True when the request asks for a streamed answer.</summary>
    public virtual bool IsStreaming(JsonNode? body) => body?["stream"]?.GetValue<bool>() == true;

    /// <summary>The whole answer as one JSON body.</summary>
    public abstract string Plain(LoopbackAnswer answer, string model);

    /// <summary>The answer as framed stream chunks (SSE events or NDJSON lines).</summary>
    public abstract IReadOnlyList<string> Stream(LoopbackAnswer answer, string model);

    /// <summary>The wire format's error body.</summary>
    public abstract string Error(int status, string message);

    /// <summary>A streamed answer whose one event is not valid JSON.</summary>
    public virtual string MalformedChunk => "data: {\"broken\": [\n\n";

    /// <summary>The body for a non-chat path the SDK calls (model lists), or null for 404.</summary>
    public virtual string? Other(string path) => null;

    /// <summary>Frames one server-sent event.</summary>
    protected static string Sse(JsonNode data, string? name = null) =>
        (name is null ? string.Empty : $"event: {name}\n") + $"data: {data.ToJsonString()}\n\n";
}
