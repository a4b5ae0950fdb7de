namespace Evolve.Tests.Shared.Loopback;

/// <summary>A tool call a loopback server returns.</summary>
/// <param name="Id">The call id the client must echo back with the result.</param>
/// <param name="Name">The tool's name.</param>
/// <param name="ArgumentsJson">The arguments as a JSON object.</param>
public sealed record LoopbackToolCall(string Id, string Name, string ArgumentsJson);
