namespace Evolve.Tests.Shared.Loopback;

/// <summary>What a loopback server answers to one chat request: text, or a tool call, with token counts.</summary>
/// <param name="Text">The assistant's text (ignored when <paramref name="ToolCall"/> is set).</param>
/// <param name="ToolCall">A tool call to return instead of text, or null.</param>
/// <param name="InputTokens">Reported input tokens.</param>
/// <param name="OutputTokens">Reported output tokens.</param>
public sealed record LoopbackAnswer(string Text, LoopbackToolCall? ToolCall = null, int InputTokens = 11, int OutputTokens = 7)
{
    /// <summary>Token log-probabilities the OpenAI wire returns for the text (one token per value), or null for none.</summary>
    public IReadOnlyList<double>? LogProbs { get; init; }

    /// <summary>The default answer: "OK".</summary>
    public static LoopbackAnswer Ok { get; } = new("OK");
}
