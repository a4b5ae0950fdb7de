using Evolve.Cli.Agent;
using Evolve.Cli.Serving;
using Evolve.Core.Evaluation;
using Evolve.Core.Workspace;
using Evolve.Kernel.Library;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Tests.Agent;

/// <summary>The small workspace's <c>qa</c> agent served in-process on a free port of 127.0.0.1, with a client for it.</summary>
internal sealed class ServedAgent : IAsyncDisposable
{
    private ServedAgent(TempDirectory workspace, PromptLibrary library, ApiServer server, StringWriter log)
    {
        Workspace = workspace;
        Library = library;
        Server = server;
        Log = log;
        Http = new HttpClient { BaseAddress = server.Address };
    }

    public TempDirectory Workspace { get; }

    public PromptLibrary Library { get; }

    public ApiServer Server { get; }

    public StringWriter Log { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// Serves <c>qa</c> with <paramref name="client"/>, or the real <c>echo</c> model when null, on
    /// 127.0.0.1 with <paramref name="options"/> (port 0); <paramref name="agentYaml"/> is appended to its agent.yaml.
    /// </summary>
    public static async Task<ServedAgent> StartAsync(IChatClient? client = null, ServeOptions? options = null, string? agentYaml = null)
    {
        var workspace = SmallWorkspace.Create();
        if (agentYaml is not null)
        {
            File.AppendAllText(Path.Combine(workspace.Path, "prompts", "qa", "agent.yaml"), "\n" + agentYaml + "\n");
        }

        var prompts = Path.Combine(workspace.Path, "prompts");
        var model = client is null
            ? DefaultDependencies.Create(TimeProvider.System).CreateTaskModel("echo", WorkspacePaths.Resolve(workspace.Path), oracles: null)
            : new ModelHandle(client, "test", "test client", Simulated: false);
        var runtime = new AgentRuntime(prompts, "qa", LibraryChannel.Live, model, TimeProvider.System);
        var log = new StringWriter();
        var server = await ChatServer.StartAsync(new AgentAnswerer(runtime), TimeProvider.System, options ?? new ServeOptions { Port = 0 }, TextWriter.Synchronized(log), TestContext.Current.CancellationToken);
        return new ServedAgent(workspace, new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = prompts }), server, log);
    }

    /// <summary>Adds a version of <c>qa</c> with a new system prompt and deploys it live; returns its label.</summary>
    public string DeploySystemPrompt(string systemText)
    {
        var files = new Dictionary<string, string>
        {
            ["system.sbn"] = systemText,
            ["task.sbn"] = File.ReadAllText(Path.Combine(Workspace.Path, "prompts", "qa", "task.sbn")),
        };
        var version = Library.AddVersion("qa", files, new VersionMetadata { Operator = "manual" });
        Library.Deploy("qa", version);
        return Library.Resolve("qa")!.ToString();
    }

    /// <summary>A second client of the same server, as another program would be.</summary>
    public HttpClient NewClient() => new() { BaseAddress = Server.Address };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Log.Dispose();
        Workspace.Dispose();
    }
}
