using Evolve.Core.Evaluation;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Library;

namespace Evolve.Core.Gepa;

/// <summary>Loads and checks what a run needs, and estimates whether its budget can buy a useful search.</summary>
public static class GepaPreparation
{
    /// <summary>Loads the suite and agent of <paramref name="options"/> and checks splits, components and budget.</summary>
    /// <exception cref="InputException">Every problem found, in one exception; nothing is created.</exception>
    public static GepaSetup Prepare(GepaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var suite = SuiteLoader.Load(options.Paths.Evals, options.Suite!);
        var profile = AgentProfileLoader.Load(options.Paths.Prompts, options.Agent ?? suite.Agent);
        var seed = new Candidate(LiveArtifacts.Read(profile));
        AgentDefinition.Create(profile, seed.Components);
        var errors = new List<InputError>();
        var components = options.Components ?? [.. profile.ComponentFiles.Where(f => f != profile.Task || profile.System is null)];
        foreach (var name in components.Where(c => !seed.Components.ContainsKey(c)))
        {
            errors.Add(new InputError("--components", null, name, $"not an artifact of agent '{profile.Name}' (artifacts: {string.Join(", ", seed.Components.Keys)})"));
        }

        var setup = new GepaSetup
        {
            Options = options, Suite = suite, Profile = profile, Seed = seed, Components = components,
            Train = suite.InSplit(Split.Train).ToList(), Val = suite.InSplit(Split.Val).ToList(), Holdout = suite.InSplit(Split.Holdout).ToList(),
            Repeat = options.Repeat ?? suite.Repeat,
        };
        foreach (var (split, count) in new[] { ("train", setup.Train.Count), ("val", setup.Val.Count), ("holdout", setup.Holdout.Count) })
        {
            if (count == 0)
            {
                errors.Add(new InputError(Path.Combine(suite.Directory, "suite.yaml"), null, "split", $"the optimizer needs {split} cases and the suite has none"));
            }
        }

        var floor = setup.ValidationCost + setup.HoldoutCost + setup.ProposalCost;
        if (errors.Count == 0 && options.Budget < floor)
        {
            errors.Add(new InputError("--budget", null, null,
                $"{options.Budget} rollouts cannot buy one proposal: seed validation {setup.ValidationCost} + holdout check {setup.HoldoutCost} + one proposal {setup.ProposalCost} = {floor}"));
        }

        return errors.Count > 0 ? throw new InputException(errors) : setup;
    }

    /// <summary>GEPA's budget trap (GEPA.md, users' item 2), said up front instead of discovered at the end.</summary>
    public static IEnumerable<string> PreflightWarnings(GepaSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var useful = setup.ValidationCost + setup.HoldoutCost + (5 * (setup.ProposalCost + setup.ValidationCost));
        if (setup.Options.Budget < useful)
        {
            yield return $"a budget of {setup.Options.Budget} buys fewer than 5 validated proposals " +
                $"(seed validation {setup.ValidationCost}, holdout check {setup.HoldoutCost}, about {setup.ProposalCost + setup.ValidationCost} per accepted child); {useful} or more is advised";
        }

        foreach (var unscored in setup.Suite.UnscoredWarnings())
        {
            yield return unscored;
        }

        if (setup.Options.Revalidate > 0 && setup.Contenders == 0)
        {
            yield return $"no re-validation before the final pick: {setup.Val.Count * setup.Options.Revalidate} rollouts per candidate (--revalidate {setup.Options.Revalidate}) " +
                "would take more than half of what the search may spend, so the best by validation is taken as it stands";
        }
    }
}
