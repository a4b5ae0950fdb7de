using Evolve.Core.Stats;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Stats;

public sealed class PairedComparisonOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new PairedComparisonOptions();

        Assert.Equal(0.95, options.Confidence);
        Assert.Equal(10_000, options.Resamples);
        Assert.Equal(0, options.Seed);
        Assert.Equal(5, options.MinimumPairs);
        options.Validate();
    }

    [Fact]
    public void Validate_EveryOptionWrong_ListsEveryProblemInOneException()
    {
        var options = new PairedComparisonOptions { Confidence = 1, Resamples = 10, MinimumPairs = 1 };

        var error = Assert.Throws<InputException>(options.Validate);

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "--confidence: must be between 0 and 1 exclusive (e.g. 0.95), not 1",
                "--resamples: must be between 100 and 1000000, not 10",
                "--min-pairs: must be at least 2, not 1"),
            error.Message);
    }

    [Fact]
    public void Compare_InvalidOptions_ThrowsBeforeComputing()
    {
        var pairs = new[] { new PairedObservation("c1", 0.5, 0.5, true, true) };

        var error = Assert.Throws<InputException>(() => PairedComparison.Compare(pairs, new PairedComparisonOptions { Confidence = double.NaN }));

        Assert.Equal("--confidence", Assert.Single(error.Errors).File);
    }
}
