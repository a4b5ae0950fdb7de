using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// An answer that writes past the per-file cap must hear which cap it hit, in the same words as
/// <c>OutcomeClassifier</c> uses, whether Python's write fails (EFBIG: Python ignores SIGXFSZ) or
/// the answer's process is killed by SIGXFSZ. At the process level nothing else bounds the disk.
/// </summary>
public sealed class PythonTestRunnerFileSizeTests
{
    private const string Tests = "from solution import dump\n\ndef test_dump():\n    assert dump() == 1\n";

    private static readonly string CapText = $"file-size limit of {SandboxSetup.MaxFileBytes / (1024 * 1024)} MiB per file";

    private static PythonTestRunner Runner() =>
        new(SandboxLevels.Create(SandboxLevel.Process), SandboxLevels.Short with { WallTime = TimeSpan.FromSeconds(20) });

    [Fact]
    public async Task RunAsync_AnswerWritePastFileCapFails_MessageNamesCap()
    {
        var answer = "def dump():\n    with open('big.bin', 'wb') as f:\n        f.write(b'x' * (65 << 20))\n    return 1\n";

        var run = await Runner().RunAsync(answer, Tests, null, TestContext.Current.CancellationToken);

        var test = Assert.Single(run.Tests);
        Assert.False(test.Passed);
        Assert.Contains("File too large", test.Message, StringComparison.Ordinal);
        Assert.Contains(CapText, test.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AnswerKilledBySigxfsz_MessageNamesCap()
    {
        var answer = """
            import signal
            def dump():
                signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
                with open('big.bin', 'wb') as f:
                    f.write(b'x' * (65 << 20))
                return 1
            """;

        var run = await Runner().RunAsync(answer, Tests, null, TestContext.Current.CancellationToken);

        var test = Assert.Single(run.Tests);
        Assert.False(test.Passed);
        Assert.Contains("SIGXFSZ", test.Message, StringComparison.Ordinal);
        Assert.Contains(CapText, test.Message, StringComparison.Ordinal);
    }
}
