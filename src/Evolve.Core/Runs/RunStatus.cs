namespace Evolve.Core.Runs;

/// <summary>The states a run can be in.</summary>
public static class RunStatus
{
    /// <summary>Still running, or killed without a chance to say otherwise.</summary>
    public const string Running = "running";

    /// <summary>Completed.</summary>
    public const string Finished = "finished";

    /// <summary>Stopped by the user (Ctrl+C); resumable.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Stopped by a systemic failure; resumable once fixed.</summary>
    public const string Failed = "failed";
}
