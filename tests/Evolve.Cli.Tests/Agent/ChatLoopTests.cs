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

    [Fact]
    public async Task Run_Help_ListsTheCommandsWithoutCallingTheModel()
    {
        using var dir = SmallWorkspace.Create();
        var model = ToolScript.Client();
        var (answers, output, error) = await ChatAsync(dir, model, "/help\n");

        Assert.Equal(0, answers);
        Assert.Equal(0, model.Calls);
        Assert.Equal("", output);
        Assert.Contains("commands:", error, StringComparison.Ordinal);
        Assert.Contains("/help", error.Split("commands:")[1], StringComparison.Ordinal);
        Assert.Contains("/exit", error.Split("commands:")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownSlashCommand_SaysSoWithoutCallingTheModel()
    {
        using var dir = SmallWorkspace.Create();
        var model = ToolScript.Client();
        var (answers, _, error) = await ChatAsync(dir, model, "/frobnicate now\nhello\n");

        Assert.Equal(1, answers);
        Assert.Equal(1, model.Calls);
        Assert.Equal("hello", model.Received[0].Messages[^1].Text);
        Assert.Contains("unknown command /frobnicate; /help lists the commands", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CancelledWhileWaitingForALine_ReturnsAtOnce()
    {
        using var dir = SmallWorkspace.Create();
        var model = ToolScript.Client();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, dir.Path, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        var runtime = new AgentRuntime(Path.Combine(dir.Path, "prompts"), "qa", LibraryChannel.Live, new ModelHandle(model, "test", "test client", Simulated: false), TimeProvider.System);
        using var stop = new CancellationTokenSource();

        // Console.In reads synchronously whatever token it is given; a reader that never returns a line stands for a silent terminal.
        using var silent = new BlockingReader();
        var chat = Task.Run(() => ChatLoop.RunAsync(runtime, TextReader.Synchronized(silent), context, stop.Token), TestContext.Current.CancellationToken);
        await silent.Reading.WaitAsync(TestContext.Current.CancellationToken);
        await stop.CancelAsync();

        // Only a guard so a regression fails instead of hanging the suite; a fixed loop returns at once.
        var answers = await chat.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(0, answers);
        Assert.Equal(0, model.Calls);
    }

    private static async Task<(int Answers, string Out, string Error)> ChatAsync(TempDirectory dir, ScriptedChatClient model, string input)
    {
        var runtime = new AgentRuntime(Path.Combine(dir.Path, "prompts"), "qa", LibraryChannel.Live,
            new ModelHandle(model, "test", "test client", Simulated: false), TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, dir.Path, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        var answers = await ChatLoop.RunAsync(runtime, new StringReader(input), context, TestContext.Current.CancellationToken);
        return (answers, output.ToString(), error.ToString());
    }
}
