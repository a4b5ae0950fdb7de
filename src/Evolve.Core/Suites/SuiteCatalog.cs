using Evolve.Kernel;

namespace Evolve.Core.Suites;

/// <summary>Lists the suites under an evals directory, loading each so that broken ones show why.</summary>
public static class SuiteCatalog
{
    /// <summary>
    /// One summary per folder with a suite.yaml, in ordinal order of name. A suite that fails to
    /// load is listed with its errors instead of stopping the listing. An evals directory that
    /// does not exist has no suites.
    /// </summary>
    public static IReadOnlyList<SuiteSummary> List(string evalsDir)
    {
        ArgumentNullException.ThrowIfNull(evalsDir);
        return SuiteLoader.SuiteNames(evalsDir).Select(name => Summarise(evalsDir, name)).ToList();
    }

    private static SuiteSummary Summarise(string evalsDir, string name)
    {
        try
        {
            var suite = SuiteLoader.Load(evalsDir, name);
            return new SuiteSummary(
                name,
                suite.Agent,
                suite.Description,
                suite.InSplit(Split.Train).Count(),
                suite.InSplit(Split.Val).Count(),
                suite.InSplit(Split.Holdout).Count(),
                []);
        }
        catch (InputException e)
        {
            return new SuiteSummary(name, null, null, 0, 0, 0, e.Errors);
        }
    }
}
