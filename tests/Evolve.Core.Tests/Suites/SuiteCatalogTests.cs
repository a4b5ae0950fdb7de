using Evolve.Core.Suites;

namespace Evolve.Core.Tests.Suites;

public sealed class SuiteCatalogTests : IDisposable
{
    private readonly TempEvals _evals = new();

    public void Dispose() => _evals.Dispose();

    [Fact]
    public void List_GoodAndBrokenSuites_GivesCountsOrErrors()
    {
        _evals.Write("good/suite.yaml", "agent: coder\ndescription: fine\ncases: [c.yaml]\nsplit: { train: 2, val: 1, holdout: 1 }\n");
        _evals.Write("good/c.yaml", string.Concat(Enumerable.Range(0, 8).Select(i => $"- id: c{i}\n")));
        _evals.Write("broken/suite.yaml", "agent: a\ncases: [gone.yaml]\n");

        var list = SuiteCatalog.List(_evals.EvalsDir);

        Assert.Equal(["broken", "good"], list.Select(s => s.Name));
        var broken = list[0];
        Assert.False(broken.IsValid);
        Assert.Equal("cases", Assert.Single(broken.Errors).Field);
        var good = list[1];
        Assert.True(good.IsValid);
        Assert.Equal(("coder", "fine", 4, 2, 2, 8), (good.Agent, good.Description, good.Train, good.Val, good.Holdout, good.Total));
    }

    [Fact]
    public void List_MissingEvalsDir_IsEmpty()
    {
        Assert.Empty(SuiteCatalog.List(Path.Combine(_evals.Root, "nowhere")));
    }
}
