namespace Evolve.Kernel.Library;

/// <summary>
/// The journal of a write in progress (<c>.history/pending.json</c>), written before anything else
/// changes and deleted last: its deletion is the commit point. While it exists readers see the
/// state it records as before, and the next writer or reader that gets the lock undoes the write
/// (a crash before success was reported leaves the previous state, with no orphan versions).
/// </summary>
internal sealed record PendingDeploy
{
    /// <summary>The channel state before the write, or null when the library had none yet.</summary>
    public ChannelState? OldChannels { get; init; }

    /// <summary>Ledger length in bytes before the write, to cut back its lines (complete or partial).</summary>
    public required long LedgerLength { get; init; }

    /// <summary>
    /// The first version number the write may create: versions from here on are uncommitted while
    /// the journal exists, and undoing removes them. Null in journals of older Evolve builds (undo removes none).
    /// </summary>
    public int? FirstNewVersion { get; init; }

    /// <summary>True when the write created <c>.history</c>: undoing it removes the whole folder.</summary>
    public bool HistoryCreated { get; init; }

    /// <summary>The live files before the write (null until it is about to change them), to restore on undo.</summary>
    public IReadOnlyDictionary<string, string>? OldLiveFiles { get; init; }
}
