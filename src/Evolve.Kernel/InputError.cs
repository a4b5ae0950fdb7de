namespace Evolve.Kernel;

/// <summary>
/// One problem with something a user wrote (a suite, a case file, a template, a flag): where it is
/// and what is wrong, phrased so the user can fix it without reading code.
/// </summary>
/// <param name="File">Path of the offending file as the user would type it, or a pseudo-source such as "--concurrency".</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Field">The field, column or key at fault, when known.</param>
/// <param name="Message">What is wrong, and where possible what would be right.</param>
public sealed record InputError(string File, int? Line, string? Field, string Message)
{
    /// <summary>Formats as <c>file:line: field: message</c>, leaving out parts that are unknown.</summary>
    public override string ToString()
    {
        var where = Line is int line ? $"{File}:{line}" : File;
        return Field is null ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
