namespace Evolve.Core.Suites;

/// <summary>Where something was written: file and 1-based line (0 when unknown).</summary>
public sealed record SourceLocation(string File, int Line)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
