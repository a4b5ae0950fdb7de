using Microsoft.Extensions.AI;

namespace Evolve.Cli.Serving;

/// <summary>An answer to send back, plain or streamed.</summary>
/// <param name="Output">The assistant's text.</param>
/// <param name="Usage">Tokens spent, or null when the model did not say.</param>
/// <param name="Fingerprint">What answered, sent as <c>system_fingerprint</c> (an agent's version, a model's URI).</param>
internal sealed record ChatAnswer(string Output, UsageDetails? Usage, string Fingerprint);
