namespace Evolve.Core.Suites;

/// <summary>
/// One field of a case as read from a file, before validation: its plain value, the line it was
/// written on and, for lists, the line of each item.
/// </summary>
internal sealed record RawField(object? Value, int Line, IReadOnlyList<int>? ItemLines = null)
{
    public int LineOfItem(int index) => ItemLines is { } lines && index < lines.Count ? lines[index] : Line;
}
