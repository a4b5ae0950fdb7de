using Evolve.Cli.Agent;
using Evolve.Core.Evaluation;
using Evolve.Kernel.Library;

namespace Evolve.Cli.Tests.Agent;

/// <summary><c>evolve agent chat</c>: line by line, one session that keeps the conversation.</summary>
public sealed class ChatLoopTests
{
    [Fact]
    public async Task Run_SeveralLines_AnswersEachInOneConversationUntilExit()
    {
        using var dir = SmallWorkspace.Create();
        var runtime = new AgentRuntime(Path.Combine(dir.Path, "prompts"), "qa", LibraryChannel.Live,
            new ModelHandle(SystemEcho.Client(), "test", "test client", Simulated: false), TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, dir.Path, DefaultDependencies.Create(TimeProvider.System), Interactive: false);

        var answers = await ChatLoop.RunAsync(runtime, new StringReader("France\n\n  \nJapan\n/exit\nPeru\n"), context, TestContext.Current.CancellationToken);

        Assert.Equal(2, answers);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Answer with the city name only.|1|France", "Answer with the city name only.|2|Japan"], lines);
        Assert.Contains("version: qa@1#", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("model: test client", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_ThroughTheCli_StopsAtEndOfInput()
    {
        using var dir = SmallWorkspace.Create();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, dir.Path, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        var root = new System.CommandLine.RootCommand { Evolve.Cli.Verbs.AgentVerb.Create(context, new StringReader("first line\nsecond line")) };

        var code = await root.Parse(["agent", "chat", "qa", "--model", "echo"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal($"first line{Environment.NewLine}second line{Environment.NewLine}", output.ToString());
    }
}
