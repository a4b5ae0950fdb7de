using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Renders the agent's templates for each case before anything runs. A template that fails for
/// one case is that case's error; one that fails for every case would only produce a run of
/// zeros, so it stops the evaluation as a systemic failure instead.
/// </summary>
internal static class RenderCheck
{
    /// <exception cref="SystemicFailureException">No case renders.</exception>
    public static void RequireAnyRenders(AgentDefinition agent, IReadOnlyList<EvalCase> cases)
    {
        InputException? first = null;
        foreach (var evalCase in cases)
        {
            try
            {
                agent.BuildRequest(evalCase.Vars);
                return;
            }
            catch (InputException e)
            {
                first ??= e;
            }
        }

        if (first is null)
        {
            return;
        }

        var error = first.Errors[0];
        var profile = agent.Profile;
        var which = profile.System is { } system && error.File == Path.Combine(profile.Directory, system) ? "system" : "task";
        throw new SystemicFailureException(
            $"the {which} template failed to render for every case ({cases.Count}), so every score would be 0; nothing was run. First failure: {error}");
    }
}
