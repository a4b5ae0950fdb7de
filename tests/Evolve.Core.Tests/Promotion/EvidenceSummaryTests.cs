using System.Text.Json.Nodes;
using Evolve.Core.Promotion;

namespace Evolve.Core.Tests.Promotion;

public sealed class EvidenceSummaryTests
{
    [Fact]
    public void Format_HoldoutEvidence_NamesModelSimulatorAndNumbers()
    {
        var evidence = new JsonObject
        {
            ["sim"] = new JsonObject
            {
                ["suite"] = "arith", ["split"] = "holdout", ["simulated"] = true, ["n"] = 7, ["repeat"] = 3,
                ["live_mean"] = 0.6667, ["candidate_mean"] = 0.7381, ["difference"] = 0.0714, ["ci"] = new JsonArray(0.0238, 0.1429),
            },
        };

        Assert.Equal("sim (simulated): arith holdout n 7 x3, live 0.667, candidate 0.738, diff +0.071 [+0.024, +0.143]", EvidenceSummary.Format(evidence));
    }

    [Fact]
    public void Format_NoEvidence_IsADash()
    {
        Assert.Equal("-", EvidenceSummary.Format(null));
        Assert.Equal("-", EvidenceSummary.Format([]));
    }

    [Fact]
    public void Format_TwoModelsWithoutHoldoutNumbers_JoinsThem()
    {
        var evidence = new JsonObject
        {
            ["openai:gpt-x"] = new JsonObject { ["suite"] = "arith", ["split"] = "holdout", ["simulated"] = false },
            ["other"] = "note",
        };

        Assert.Equal("openai:gpt-x: arith holdout; other: \"note\"", EvidenceSummary.Format(evidence));
    }
}
