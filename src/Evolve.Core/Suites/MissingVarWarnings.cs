using Evolve.Kernel.Agents;
using Evolve.Kernel.Prompts;

namespace Evolve.Core.Suites;

/// <summary>
/// The vars an agent's prompts read that some cases of a suite do not give: one line per prompt
/// and var, saying what happens to those cases (they render it empty under
/// <c>missing_vars: empty</c>, else they fail), for <c>suite validate</c>.
/// </summary>
public static class MissingVarWarnings
{
    /// <summary>The warnings; a prompt that does not parse is left to the commands that run it.</summary>
    public static IReadOnlyList<string> Of(Suite suite, AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(profile);
        var warnings = new List<string>();
        foreach (var file in new[] { profile.System, profile.Task }.Concat(profile.Variants).OfType<string>())
        {
            var path = Path.Combine(profile.Directory, file);
            PromptTemplate template;
            try
            {
                template = PromptTemplate.Parse(File.ReadAllText(path), path);
            }
            catch (Exception e) when (e is Kernel.InputException or IOException)
            {
                continue;
            }

            foreach (var name in template.Variables.Order(StringComparer.Ordinal))
            {
                var lacking = suite.Cases.Where(c => !c.Vars.ContainsKey(name)).Select(c => c.Id).ToList();
                if (lacking.Count > 0)
                {
                    var outcome = profile.MissingVarsRenderEmpty ? "it renders empty there, as in promptfoo" : "those cases fail (set missing_vars: empty in agent.yaml to render it empty)";
                    warnings.Add($"{path}: reads '{name}', which {lacking.Count} case(s) do not give ({string.Join(", ", lacking.Take(5))}{(lacking.Count > 5 ? ", ..." : "")}); {outcome}");
                }
            }
        }

        return warnings;
    }
}
