using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Tests.Scoring;

/// <summary>A scripted test runner: records what it was asked to run and answers with a fixed run, or throws.</summary>
internal sealed class FakePythonTestRunner : IPythonTestRunner
{
    private readonly Func<PythonTestRun> _answer;

    public FakePythonTestRunner(Func<PythonTestRun> answer)
    {
        _answer = answer;
    }

    public List<(string Solution, string Tests, string? EntryPoint)> Calls { get; } = [];

    public static SandboxResult Exited(string stderr = "") =>
        new(SandboxOutcome.Exited, 0, string.Empty, stderr, false, TimeSpan.FromMilliseconds(30), SandboxLevel.Process);

    public static FakePythonTestRunner Returning(params PythonTestCaseResult[] tests) =>
        new(() => new PythonTestRun(tests, null, Exited()));

    public Task<PythonTestRun> RunAsync(string solution, string tests, string? entryPoint, CancellationToken cancellationToken = default)
    {
        Calls.Add((solution, tests, entryPoint));
        return Task.FromResult(_answer());
    }
}
