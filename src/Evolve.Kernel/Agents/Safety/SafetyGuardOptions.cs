namespace Evolve.Kernel.Agents.Safety;

/// <summary>The rules and root of a <see cref="SafetyGuard"/>.</summary>
public sealed class SafetyGuardOptions
{
    /// <summary>The folder every path must stay under (after resolving .. and symlinks). Required.</summary>
    public string Root { get; init; } = "";

    /// <summary>Ordered rules; the last one matching a call decides. Default: none.</summary>
    public IReadOnlyList<SafetyRule> Rules { get; init; } = [];

    /// <summary>What a call no rule matches gets; default <see cref="ToolPermission.Ask"/> (so denied when nobody can answer).</summary>
    public ToolPermission Default { get; init; } = ToolPermission.Ask;

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid option.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Root))
        {
            problems.Add("Root is required.");
        }

        if (!Enum.IsDefined(Default))
        {
            problems.Add($"Default must be Allow, Ask or Deny (was {(int)Default}).");
        }

        for (var i = 0; i < (Rules?.Count ?? 0); i++)
        {
            var rule = Rules![i];
            if (rule is null || string.IsNullOrEmpty(rule.Tool) || string.IsNullOrEmpty(rule.Pattern))
            {
                problems.Add($"Rule {i + 1} needs a tool and a pattern.");
            }
            else if (!Enum.IsDefined(rule.Permission))
            {
                problems.Add($"Rule {i + 1} has an unknown permission ({(int)rule.Permission}).");
            }
        }

        if (Rules is null)
        {
            problems.Add("Rules must not be null.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid safety guard options: " + string.Join(" ", problems));
        }
    }
}
