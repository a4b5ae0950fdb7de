namespace Evolve.Kernel.Library;

/// <summary>
/// Another writer got there first: it holds the library lock, or it moved the channel since the
/// caller read its generation. Nothing was changed; re-read and retry if still wanted.
/// </summary>
public sealed class LibraryConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public LibraryConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LibraryConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public LibraryConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
