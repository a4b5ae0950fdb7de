namespace Evolve.Cli.Serving;

/// <summary>The fields every completion body and chunk of one answer repeats.</summary>
/// <param name="Id">The completion id, <c>chatcmpl-...</c>.</param>
/// <param name="Created">Unix seconds when the request arrived.</param>
/// <param name="Model">The model id served.</param>
/// <param name="Fingerprint">What answered (<see cref="ChatAnswer.Fingerprint"/>).</param>
internal sealed record CompletionHeader(string Id, long Created, string Model, string Fingerprint);
