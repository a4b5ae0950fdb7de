using System.Globalization;
using Evolve.Core.Evaluation;
using Evolve.Kernel;
using Evolve.Kernel.Prompts;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// Checks a proposed child before any rollout is spent on it: templates parse, keep the seed's
/// variables and render; heuristics parse with the seed's knobs and stay in range; no component
/// outgrows its cap; no training answer is copied in; and it is not a candidate that already exists.
/// </summary>
public static class CandidateGuard
{
    /// <summary>Every problem found, each one short sentence naming the component; empty when the child may be evaluated.</summary>
    /// <param name="ctx">The seed, the agent and the limits.</param>
    /// <param name="child">The child's components (component name to text).</param>
    public static IReadOnlyList<string> Check(GuardContext ctx, IReadOnlyDictionary<string, string> child)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(child);
        var problems = new List<string>();
        foreach (var name in ctx.SeedComponents.Keys.Where(k => !child.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{name}: the component is missing.");
        }

        foreach (var (name, text) in child.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!ctx.SeedComponents.TryGetValue(name, out var seedText))
            {
                problems.Add($"{name}: the seed has no such component.");
                continue;
            }

            CheckSize(ctx.Options, name, text, seedText, problems);
            if (ctx.IsHeuristics(name) && ctx.SeedHeuristics is { } seedHeuristics)
            {
                HeuristicsGuard.Check(name, text, seedHeuristics, problems);
                continue;
            }

            if (ctx.SeedTemplates.TryGetValue(name, out var seedTemplate))
            {
                CheckTemplate(ctx, name, text, seedTemplate, problems);
            }

            CopyGuard.Check(ctx, name, text, seedText, problems);
        }

        var id = Candidate.ComputeId(child);
        if (ctx.ExistingCandidateIds.Contains(id))
        {
            problems.Add($"the child is identical to the existing candidate {id[..12]}.");
        }

        return problems;
    }

    private static void CheckSize(GuardOptions options, string name, string text, string seedText, List<string> problems)
    {
        if (text.Length > options.MaxComponentChars)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {text.Length} characters is over the cap of {options.MaxComponentChars}."));
        }
        else if (text.Length > options.AllowedLength(seedText.Length))
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{name}: grew from {seedText.Length} to {text.Length} characters, over the allowed {options.AllowedLength(seedText.Length)}."));
        }
    }

    private static void CheckTemplate(GuardContext ctx, string name, string text, PromptTemplate seed, List<string> problems)
    {
        var errors = TemplateValidator.Validate(text, Path.Combine(ctx.Profile.Directory, name), seed, ctx.Profile.SampleVars);
        foreach (var error in errors)
        {
            problems.Add(Sentence(name, error));
        }
    }

    private static string Sentence(string name, InputError error)
    {
        var where = error.Line is int line ? string.Create(CultureInfo.InvariantCulture, $" line {line}:") : "";
        return $"{name}:{where} {error.Message.TrimEnd('.')}.";
    }
}
