using System.CommandLine.Parsing;
using System.Globalization;

namespace Evolve.Cli.Verbs;

/// <summary>The check of flags that are scores (--min-score, --target-score): scores lie between 0 and 1.</summary>
internal static class ScoreRange
{
    public static void Check(OptionResult result)
    {
        double? written;
        try
        {
            written = result.GetValueOrDefault<double?>();
        }
        catch (InvalidOperationException)
        {
            // Not a number: the parser has reported that already.
            return;
        }

        if (written is double value && !(value is >= 0 and <= 1))
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{result.Option.Name}: must be between 0 and 1, not {value}"));
        }
    }
}
