using System.Globalization;
using Evolve.Kernel;

namespace Evolve.Core.Gepa.Search;

/// <summary>
/// Decides whether a child's minibatch scores beat its parent's on the same cases. Two rules:
/// <list type="bullet">
/// <item><c>strict</c> (GEPA's): the child's sum is strictly greater than the parent's (by more than
/// <see cref="Epsilon"/>, so summation noise never accepts a tie).</item>
/// <item><c>tolerance:X</c> with X in [0,1]: the mean paired difference (child - parent) is at least
/// -X, and the child is strictly better on at least one case. The second condition keeps a child that
/// changes nothing measurable (all ties, or only losses within X) from entering the pool, while a
/// child that wins some cases and loses a little elsewhere — likely a different trade-off the Pareto
/// front can use — gets through.</item>
/// </list>
/// </summary>
public sealed class AcceptanceRule
{
    /// <summary>Differences at most this small count as ties.</summary>
    public const double Epsilon = 1e-9;

    private AcceptanceRule(string text, double? tolerance)
    {
        Text = text;
        Tolerance = tolerance;
    }

    /// <summary>GEPA's rule, the default.</summary>
    public static AcceptanceRule Strict { get; } = new("strict", null);

    /// <summary>The tolerance X of a <c>tolerance:X</c> rule; null for <c>strict</c>.</summary>
    public double? Tolerance { get; }

    /// <summary>The rule as the user writes it (normalized).</summary>
    public string Text { get; }

    /// <summary>Parses <c>strict</c> or <c>tolerance:X</c> (X a number in [0,1], invariant culture).</summary>
    /// <exception cref="InputException">Anything else; the error's field is <c>--accept</c>.</exception>
    public static AcceptanceRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Equals("strict", StringComparison.OrdinalIgnoreCase))
        {
            return Strict;
        }

        const string prefix = "tolerance:";
        if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && double.TryParse(trimmed.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && x is >= 0 and <= 1)
        {
            return new AcceptanceRule(string.Create(CultureInfo.InvariantCulture, $"tolerance:{x}"), x);
        }

        throw new InputException("--accept", null, null, $"must be strict or tolerance:X with X between 0 and 1, not '{text}'");
    }

    /// <summary>Whether the child is accepted.</summary>
    /// <param name="parent">The parent's scores on the minibatch.</param>
    /// <param name="child">The child's scores on the same cases, in the same order.</param>
    /// <param name="penalty">Score the child pays per case before the comparison (its length cost); default 0.</param>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public bool Accepts(IReadOnlyList<double> parent, IReadOnlyList<double> child, double penalty = 0)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        if (parent.Count != child.Count || parent.Count == 0)
        {
            throw new ArgumentException($"parent and child need scores on the same non-empty cases ({parent.Count} vs {child.Count})", nameof(child));
        }

        var diff = 0.0;
        var wins = 0;
        for (var i = 0; i < parent.Count; i++)
        {
            diff += child[i] - parent[i];
            wins += child[i] > parent[i] + Epsilon ? 1 : 0;
        }

        diff -= penalty * parent.Count;
        return Tolerance is double x
            ? diff / parent.Count >= -x - Epsilon && wins > 0
            : diff > Epsilon;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
