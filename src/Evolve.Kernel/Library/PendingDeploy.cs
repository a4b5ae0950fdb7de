namespace Evolve.Kernel.Library;

/// <summary>
/// The journal of a channel move in progress (<c>.history/pending.json</c>), written before any
/// live file changes and deleted last: its deletion is the commit point. While it exists readers
/// see <see cref="OldChannels"/>, and the next writer undoes the move (a crash before success was
/// reported leaves the previous state).
/// </summary>
internal sealed record PendingDeploy
{
    /// <summary>The channel state before the move.</summary>
    public required ChannelState OldChannels { get; init; }

    /// <summary>The ledger line that records it.</summary>
    public required LedgerEntry Entry { get; init; }

    /// <summary>Ledger length in bytes before the move, to cut back a partial or undone line.</summary>
    public required long LedgerLength { get; init; }

    /// <summary>The live files before the move (null when no live file changes), to restore on undo.</summary>
    public IReadOnlyDictionary<string, string>? OldLiveFiles { get; init; }
}
