namespace Evolve.Core.Reports;

/// <summary>How a candidate id is shortened wherever a report or listing shows one: its first 12 characters.</summary>
public static class ShortId
{
    /// <summary>Characters of an id shown.</summary>
    public const int Length = 12;

    /// <summary>The first <see cref="Length"/> characters of <paramref name="id"/>, or all of a shorter one.</summary>
    public static string Of(string id) => id.Length > Length ? id[..Length] : id;
}
