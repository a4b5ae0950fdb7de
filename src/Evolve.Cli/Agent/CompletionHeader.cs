namespace Evolve.Cli.Agent;

/// <summary>The fields every completion body and chunk of one answer repeats.</summary>
/// <param name="Id">The completion id, <c>chatcmpl-...</c>.</param>
/// <param name="Created">Unix seconds when the request arrived.</param>
/// <param name="Model">The model id: the agent.</param>
/// <param name="Fingerprint">The version that answered, <c>agent@N#sha12</c>.</param>
internal sealed record CompletionHeader(string Id, long Created, string Model, string Fingerprint);
