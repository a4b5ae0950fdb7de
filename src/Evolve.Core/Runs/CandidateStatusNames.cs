using Evolve.Kernel;

namespace Evolve.Core.Runs;

/// <summary>The one mapping between <see cref="CandidateStatus"/> and the text stored in <c>candidates.status</c>.</summary>
public static class CandidateStatusNames
{
    /// <summary>Every status with its stored text.</summary>
    public static IReadOnlyList<(string Name, CandidateStatus Value)> Named { get; } =
    [
        ("evaluated", CandidateStatus.Evaluated), ("pool", CandidateStatus.Pool), ("rejected", CandidateStatus.Rejected),
        ("guarded", CandidateStatus.Guarded), ("raced", CandidateStatus.Raced), ("unvalidated", CandidateStatus.Unvalidated),
        ("compare-a", CandidateStatus.CompareA), ("compare-b", CandidateStatus.CompareB), ("compare-a+b", CandidateStatus.CompareBoth),
    ];

    /// <summary>The stored text of <paramref name="status"/>.</summary>
    public static string Name(CandidateStatus status)
    {
        foreach (var (name, value) in Named)
        {
            if (value == status)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(status), status, "not a candidate status");
    }

    /// <summary>
    /// The status stored as <paramref name="text"/> (exactly, as <see cref="Name"/> writes it); any other
    /// text is an <see cref="InputException"/> naming <paramref name="source"/> and <paramref name="field"/>.
    /// </summary>
    public static CandidateStatus Parse(string text, string source, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (name, value) in Named)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new InputException(source, null, field, $"unknown candidate status '{text}': expected one of {string.Join(", ", Named.Select(n => n.Name))}");
    }
}
