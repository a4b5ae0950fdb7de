namespace Evolve.Kernel;

/// <summary>
/// A failure that no other case would escape either (bad credentials, an exhausted budget, a missing
/// interpreter): it stops the run instead of being recorded as one failed case.
/// </summary>
public sealed class SystemicFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SystemicFailureException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SystemicFailureException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SystemicFailureException(string message)
        : base(message)
    {
    }
}
