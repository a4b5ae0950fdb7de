using System.Text.Json.Nodes;

namespace Evolve.Kernel.Library;

/// <summary>One line of the append-only <c>.history/ledger.jsonl</c>.</summary>
public sealed record LedgerEntry
{
    /// <summary>1-based position in the ledger.</summary>
    public required long Seq { get; init; }

    /// <summary>What happened.</summary>
    public required LedgerAction Action { get; init; }

    /// <summary>Who did it (a user name, "evolve promote", ...).</summary>
    public required string Actor { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The channel that moved, or null for an action that moves none.</summary>
    public LibraryChannel? Channel { get; init; }

    /// <summary>The version the channel pointed to before, or null.</summary>
    public int? From { get; init; }

    /// <summary>The version it points to after, or null.</summary>
    public int? To { get; init; }

    /// <summary>The channel's generation after the move.</summary>
    public long? Generation { get; init; }

    /// <summary>The target version's evidence, copied so the ledger reads on its own.</summary>
    public JsonObject? Evidence { get; init; }

    /// <summary>A free-form note (for example the new canary share).</summary>
    public string? Note { get; init; }
}
