using Evolve.Core.Scoring;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// What a lineage has failed on so far, carried from parent to child so each reflection sees more
/// than its own minibatch of three. One lesson per failing case (its first feedback line and its
/// hints), newest last, at most a fixed number: a failure that keeps recurring across minibatches is
/// the one general guidance should cover, and that is what carries to cases the search never saw.
/// </summary>
public sealed class LineageLessons
{
    private readonly List<Lesson> _lessons;

    private LineageLessons(List<Lesson> lessons) => _lessons = lessons;

    /// <summary>No lessons yet (the seed's).</summary>
    public static LineageLessons None { get; } = new([]);

    /// <summary>The lessons, oldest first.</summary>
    public IReadOnlyList<Lesson> Items => _lessons;

    /// <summary>These lessons plus the failing records of one minibatch; a case seen again keeps only its newest lesson.</summary>
    public LineageLessons With(IEnumerable<ReflectiveRecord> records, int max)
    {
        ArgumentNullException.ThrowIfNull(records);
        var added = records.Where(r => r.Score < 1).Select(Lesson.From).ToList();
        return Combine(_lessons, added, max);
    }

    /// <summary>The lessons of two lineages (a merge's parents), each case once, this one's first.</summary>
    public LineageLessons Merge(LineageLessons other, int max)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Combine(_lessons, other._lessons, max);
    }

    private static LineageLessons Combine(IEnumerable<Lesson> older, IEnumerable<Lesson> newer, int max)
    {
        if (max <= 0)
        {
            return None;
        }

        var newest = new List<Lesson>();
        foreach (var lesson in older.Concat(newer))
        {
            newest.RemoveAll(l => l.CaseId == lesson.CaseId);
            newest.Add(lesson);
        }

        return new LineageLessons(newest.TakeLast(max).ToList());
    }
}

/// <summary>One failing case a lineage met: its first feedback line and its hints line, if any.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Summary">The first non-empty feedback line, clipped.</param>
/// <param name="Hints">The feedback's <c>Hints:</c> line, or null.</param>
public sealed record Lesson(string CaseId, string Summary, string? Hints)
{
    private const int SummaryChars = 200;

    /// <summary>The lesson a failing record teaches.</summary>
    public static Lesson From(ReflectiveRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var lines = record.Feedback.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        bool IsHints(string l) => l.StartsWith(CaseVerdict.HintsPrefix.TrimEnd(), StringComparison.OrdinalIgnoreCase);
        var summary = lines.FirstOrDefault(l => !IsHints(l)) ?? "failed";
        return new Lesson(record.CaseId, TextClip.Clip(summary, SummaryChars), lines.FirstOrDefault(IsHints));
    }
}
