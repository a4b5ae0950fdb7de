using System.Globalization;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>Limits <see cref="CandidateGuard"/> applies to a child before any rollout.</summary>
public sealed record GuardOptions
{
    /// <summary>
    /// How much longer than the seed's version a component may grow, as a fraction of the seed's
    /// length; default 0.2 (20%). The allowance is the larger of this and <see cref="MinGrowthChars"/>.
    /// </summary>
    public double MaxGrowthFraction { get; init; } = 0.2;

    /// <summary>
    /// Growth always allowed, in characters, whatever the seed's length; default 1,500. Without it a
    /// three-line seed (say 150 characters) could gain only 30 characters, less than one guideline,
    /// and could never improve at all; 1,500 is about ten guidelines.
    /// </summary>
    public int MinGrowthChars { get; init; } = 1_500;

    /// <summary>Absolute size cap per component, in characters; default 15,000.</summary>
    public int MaxComponentChars { get; init; } = 15_000;

    /// <summary>A whole reference answer at least this long found in a text component is copying; default 40.</summary>
    public int MinCopiedAnswerChars { get; init; } = 40;

    /// <summary>One line of a reference answer at least this long (trimmed) found in a text component is copying; default 30.</summary>
    public int MinCopiedLineChars { get; init; } = 30;

    /// <summary>The characters a component may have given its seed version's length.</summary>
    public int AllowedLength(int seedLength) =>
        Math.Min(MaxComponentChars, seedLength + Math.Max((int)Math.Ceiling(seedLength * MaxGrowthFraction), MinGrowthChars));

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid option.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (double.IsNaN(MaxGrowthFraction) || MaxGrowthFraction < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxGrowthFraction must be 0 or more (was {MaxGrowthFraction})"));
        }

        Require(problems, nameof(MinGrowthChars), MinGrowthChars, 0);
        Require(problems, nameof(MaxComponentChars), MaxComponentChars, 1);
        Require(problems, nameof(MinCopiedAnswerChars), MinCopiedAnswerChars, 1);
        Require(problems, nameof(MinCopiedLineChars), MinCopiedLineChars, 1);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid guard options: " + string.Join("; ", problems) + ".");
        }
    }

    private static void Require(List<string> problems, string name, int value, int min)
    {
        if (value < min)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be {min} or more (was {value})"));
        }
    }
}
