namespace Evolve.Kernel;

/// <summary>
/// Thrown when user input cannot be used. Carries every problem found, so one run of a
/// validator reports all of them; the CLI maps it to exit code 2 and one line per error.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception from one or more errors.</summary>
    public InputException(IReadOnlyList<InputError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        Errors = errors;
    }

    /// <summary>Creates the exception from a single error.</summary>
    public InputException(InputError error)
        : this([error])
    {
    }

    /// <summary>Convenience for a single error.</summary>
    public InputException(string file, int? line, string? field, string message)
        : this(new InputError(file, line, field, message))
    {
    }

    /// <summary>Every problem found, in the order found.</summary>
    public IReadOnlyList<InputError> Errors { get; }
}
