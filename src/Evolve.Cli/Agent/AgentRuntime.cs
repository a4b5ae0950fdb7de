using Evolve.Core.Evaluation;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Agents.Memory;
using Evolve.Kernel.Agents.Prompting;
using Evolve.Kernel.Agents.Scheduling;
using Evolve.Kernel.Agents.Sessions;
using Evolve.Kernel.Agents.Skills;
using Evolve.Kernel.Agents.Tools;
using Evolve.Kernel.Agents.Tools.Mcp;
using Evolve.Kernel.Library;
using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Agent;

/// <summary>
/// A deployed agent ready to answer: the live library it reads, the channel it serves and the
/// model it calls. Every <see cref="Begin"/> resolves the version afresh from disk, so a deploy is
/// picked up by the next session without a restart, while a session keeps the version it began with.
/// </summary>
internal sealed class AgentRuntime : IAsyncDisposable
{
    private readonly PromptLibrary _library;
    private readonly string _promptsDirectory;
    private readonly Lazy<SessionStore> _sessions;
    private long _sessionCounter;
    private readonly List<McpToolSource> _mcp = [];

    // Concurrent sessions (serve) share a bounded pool of model calls, first come first served.
    private readonly ModelCallScheduler _scheduler;
    private readonly IChatClient _client;

    /// <summary>Checks that the agent exists (InputException otherwise) and opens its library.</summary>
    public AgentRuntime(string promptsDirectory, string agent, LibraryChannel channel, ModelHandle model, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        // Loading the profile first turns a missing agent or prompts folder into a clear input error.
        AgentProfileLoader.Load(promptsDirectory, agent);
        _promptsDirectory = promptsDirectory;
        _library = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = promptsDirectory, TimeProvider = time });
        Agent = agent;
        Channel = channel;
        Model = model;
        Time = time;
        // Agent state (sessions) lives beside the agent, outside its versioned artifacts and git.
        _sessions = new(() => new SessionStore(Path.Combine(promptsDirectory, agent, ".state", "sessions.db"), timeProvider: time));
        _scheduler = new ModelCallScheduler(new ModelCallSchedulerOptions { Slots = ModelCallSlots }, time);
        _client = new SchedulingChatClient(model.Client, _scheduler);
    }

    /// <summary>Model calls in flight at once across all sessions.</summary>
    public const int ModelCallSlots = 8;

    /// <summary>Waiting and turnaround times of the model calls so far.</summary>
    public SchedulerStats SchedulerStats => _scheduler.Snapshot();

    /// <summary>Starts the MCP servers the agent names (once, for the runtime's lifetime); a server that fails is an InputException.</summary>
    public async Task StartToolSourcesAsync(CancellationToken cancellationToken)
    {
        foreach (var server in AgentProfileLoader.Load(_promptsDirectory, Agent).Mcp)
        {
            _mcp.Add(await McpToolSource.StartAsync(server, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var source in _mcp)
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The agent name, also the model id clients ask for.</summary>
    public string Agent { get; }

    /// <summary>The channel sessions resolve.</summary>
    public LibraryChannel Channel { get; }

    /// <summary>The model and how to name it.</summary>
    public ModelHandle Model { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>
    /// Starts a session: resolves the version to use now (initializing the library from the live
    /// files when it has no history yet, so every answer names a version) and parses its artifacts.
    /// </summary>
    /// <param name="sessionId">Routes canary sessions stably; null on the canary channel pins the canary version.</param>
    /// <param name="scope">Whose memory and sessions the tools see (default <see cref="AgentScope.Shared"/>); an agent declaring <c>shared_memory: true</c> always gets the shared scope.</param>
    public AgentConversation Begin(string? sessionId = null, AgentScope? scope = null)
    {
        var resolved = _library.Resolve(Agent, Channel, sessionId);
        if (resolved is null)
        {
            _library.Initialize(Agent);
            resolved = _library.Resolve(Agent, Channel, sessionId)
                ?? throw new InvalidOperationException($"the library of '{Agent}' did not initialize");
        }

        // Versions are immutable, so reading it after a concurrent deploy still gives the resolved texts.
        var snapshot = _library.Show(Agent, resolved.Version);
        var profile = AgentProfileLoader.Load(_promptsDirectory, Agent);
        scope = profile.SharedMemory ? AgentScope.Shared : scope ?? AgentScope.Shared;

        // Every session gets its own id; the caller's id only routes canary traffic (one user, many sessions).
        var id = $"{Time.GetUtcNow():yyyyMMddHHmmssfff}-{Environment.ProcessId}-{Interlocked.Increment(ref _sessionCounter)}";
        var state = Path.Combine(_promptsDirectory, Agent, ".state");
        var memory = new AgentMemory(scope.MemoryFolder(state, id));
        var services = new ToolServices
        {
            Sandbox = ToolServices.DefaultSandbox, Skills = SkillCatalog.Load(profile.Directory),
            Memory = memory, Sessions = _sessions.Value, SessionScope = scope.KeyFor(id),
            Extra = [.. _mcp.SelectMany(m => m.Tools)],
        };
        var definition = AgentDefinition.Create(profile, snapshot.Files, services);
        // The same layers as an evaluation (identity, tool guidance, frozen memory, skills index), so
        // the deployed agent sees what the optimized prompt was scored with; the user's text is the task.
        var layered = LayeredPromptBuilder.SystemText(new PromptLayers
        {
            Identity = definition.System?.Render(profile.SampleVars), Tools = definition.Tools,
            Memory = memory.Snapshot(), Skills = services.Skills, Task = "",
        });
        var system = layered.Length == 0 ? null : layered;
        var recorder = new SessionRecorder(_sessions.Value, id, resolved, system, scope.KeyFor(id));
        var discard = scope.IsOwnSession ? Path.GetDirectoryName(memory.Folder) : null;
        return new AgentConversation(resolved, system, definition.NewOptions(), _client, Time, recorder, discard);
    }
}
