using Evolve.Core.Evaluation;
using Evolve.Core.Suites;
using Evolve.Core.Tests.Fakes;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Evaluation;

public sealed class CaseSelectionTests
{
    // c0, c3 train; c1, c4 val; c2, c5 holdout.
    private static readonly Suite Suite = TestSuites.Arithmetic(6);

    [Fact]
    public void Select_NoIds_EveryCaseOfTheSplit()
    {
        Assert.Equal(["c1", "c4"], CaseSelection.Select(Suite, Split.Val, null, null).Select(c => c.Id));
        Assert.Equal(6, CaseSelection.Select(Suite, null, [], null).Count);
    }

    [Fact]
    public void Select_IdsAndFile_TheirUnionInSuiteOrder()
    {
        using var dir = new TempDirectory();
        dir.Write("ids.txt", "# wanted\nc4\n\n  c0  \n");

        var chosen = CaseSelection.Select(Suite, null, ["c5", "c4"], Path.Combine(dir.Path, "ids.txt"));

        Assert.Equal(["c0", "c4", "c5"], chosen.Select(c => c.Id));
    }

    [Fact]
    public void Select_UnknownAndOutOfSplitIds_OneErrorEachNamingWhereItWasWritten()
    {
        using var dir = new TempDirectory();
        dir.Write("ids.txt", "c1\nc9\n");
        var file = Path.Combine(dir.Path, "ids.txt");

        var error = Assert.Throws<InputException>(() => CaseSelection.Select(Suite, Split.Val, ["c00", "c2"], file));

        Assert.Equal(
            [
                "--case: no case 'c00' in suite arith (did you mean 'c0'?)",
                "--case: case 'c2' is in split holdout, not val",
                $"{file}:2: no case 'c9' in suite arith (did you mean 'c0'?)",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Select_MissingFile_SaysSo()
    {
        var error = Assert.Throws<InputException>(() => CaseSelection.Select(Suite, null, null, "/no/such/ids.txt"));

        Assert.Equal("--cases: file not found: /no/such/ids.txt", error.Message);
    }
}
