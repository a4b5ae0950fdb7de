using System.Text.RegularExpressions;
using Evolve.Kernel;

namespace Evolve.Core.Evaluation;

/// <summary>
/// The checks every verb that evaluates cases shares (eval, compare): one wording per flag, so
/// the same mistake gets the same message whichever verb it was made on.
/// </summary>
public static partial class EvalOptionChecks
{
    /// <summary>True when <paramref name="suite"/> names a suite.yaml file rather than a suite folder.</summary>
    public static bool IsSuiteFile(string? suite) =>
        suite is not null && (suite.EndsWith(".yaml", StringComparison.Ordinal) || suite.EndsWith(".yml", StringComparison.Ordinal));

    /// <summary>Adds one error per invalid value of --suite, --repeat and --concurrency (--split and --sandbox are enums by now).</summary>
    public static void Check(List<InputError> errors, string? suite, int? repeat, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(suite))
        {
            errors.Add(new InputError("--suite", null, null, "a suite is required (evolve suite list shows them)"));
        }
        else if (!IsSuiteFile(suite) && !SuiteName().IsMatch(suite))
        {
            errors.Add(new InputError("--suite", null, null, $"'{suite}' is neither a suite name (letters, digits, '.', '_', '-') nor a path to a suite.yaml"));
        }

        if (repeat is < 1 or > 1000)
        {
            errors.Add(new InputError("--repeat", null, null, $"must be between 1 and 1000, not {repeat}"));
        }

        if (concurrency is < 1 or > 4096)
        {
            errors.Add(new InputError("--concurrency", null, null, $"must be between 1 and 4096, not {concurrency}"));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SuiteName();
}
