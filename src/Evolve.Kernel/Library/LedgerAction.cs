namespace Evolve.Kernel.Library;

/// <summary>What a ledger line records.</summary>
public enum LedgerAction
{
    /// <summary>The library was initialized from the live files (version 1, operator seed).</summary>
    Init,

    /// <summary>A new version was added and deployed in one step.</summary>
    Promote,

    /// <summary>A channel was moved to an existing version.</summary>
    Deploy,

    /// <summary>A channel was moved back to an older version.</summary>
    Rollback,

    /// <summary>The canary share changed.</summary>
    CanaryShare,

    /// <summary>A version was added without moving a channel (by add-version, or to keep hand edits before a deploy).</summary>
    Add,
}
