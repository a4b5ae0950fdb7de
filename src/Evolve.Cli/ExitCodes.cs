namespace Evolve.Cli;

/// <summary>Process exit codes, the same for every verb.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The work completed but a gate failed (for example --min-score).</summary>
    public const int GateFailed = 1;

    /// <summary>Bad input: nothing was run.</summary>
    public const int BadInput = 2;

    /// <summary>A systemic failure stopped the work; what finished is kept.</summary>
    public const int SystemicFailure = 3;

    /// <summary>A bug in Evolve (an unexpected exception); what finished is kept.</summary>
    public const int InternalError = 70;

    /// <summary>Cancelled by Ctrl+C; what finished is kept.</summary>
    public const int Cancelled = 130;
}
