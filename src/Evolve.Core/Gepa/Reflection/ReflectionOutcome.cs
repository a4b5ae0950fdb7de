namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// What a reflection reply yielded: the new text, or why there is none. Exactly one of the two is set.
/// </summary>
/// <param name="Text">The proposed text (the content of the reply's first fenced block), or null.</param>
/// <param name="Problem">One sentence saying why the reply cannot be used, or null.</param>
public sealed record ReflectionOutcome(string? Text, string? Problem)
{
    /// <summary>True when the reply gave a usable text.</summary>
    public bool IsUsable => Text is not null && Problem is null;
}
