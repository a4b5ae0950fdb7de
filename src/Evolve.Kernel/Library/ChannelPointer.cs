namespace Evolve.Kernel.Library;

/// <summary>Where a channel points and how often it has moved.</summary>
/// <param name="Version">The version the channel serves, or null when the channel is unset (a canary before its first deploy).</param>
/// <param name="Generation">Incremented on every move; a writer passes the generation it read to move it only if nobody moved it since.</param>
public sealed record ChannelPointer(int? Version, long Generation);
