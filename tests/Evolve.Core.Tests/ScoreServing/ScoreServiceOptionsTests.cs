using Evolve.Core.ScoreServing;
using Evolve.Kernel;

namespace Evolve.Core.Tests.ScoreServing;

public sealed class ScoreServiceOptionsTests
{
    [Fact]
    public void Validate_EveryProblem_ListedInOneMessage()
    {
        var options = new ScoreServiceOptions { Suite = " ", Concurrency = 0 };

        var error = Assert.Throws<InputException>(options.Validate);

        Assert.Equal(
            [
                "command line: --suite: is required",
                "command line: the workspace folders are required",
                "command line: --concurrency: must be in 1-256, not 0",
            ],
            error.Errors.Select(e => e.ToString()));
    }
}
