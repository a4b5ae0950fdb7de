using Evolve.Core.Suites;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Suites;

/// <summary>Loads a suite that must fail and returns its errors.</summary>
internal static class LoadErrors
{
    public static IReadOnlyList<InputError> Of(TempEvals evals, string suite) =>
        Assert.Throws<InputException>(() => SuiteLoader.Load(evals.EvalsDir, suite)).Errors;

    /// <summary>Asserts that exactly one error was reported and returns it.</summary>
    public static InputError Single(TempEvals evals, string suite)
    {
        var errors = Of(evals, suite);
        return Assert.Single(errors);
    }
}
