using Evolve.Kernel.Sandbox;
using Evolve.Kernel.Agents.Prompting;
using Evolve.Kernel.Agents.Skills;
using Evolve.Kernel.Agents.Tools;
using Evolve.Kernel.Prompts;
using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents;

/// <summary>
/// An agent made runnable: its profile with one set of artifact texts (a candidate) parsed.
/// Immutable and shared by every rollout of that candidate.
/// </summary>
public sealed class AgentDefinition
{
    // Most system prompts read no case variables: render them once, not once per rollout.
    private readonly string? _fixedSystemText;
    private readonly float? _temperature;
    private readonly IReadOnlyDictionary<string, object> _heuristicValues;
    private readonly ToolServices _services;

    private AgentDefinition(AgentProfile profile, PromptTemplate? system, PromptTemplate task, Heuristics heuristics, ToolServices services, IReadOnlyList<AITool> tools)
    {
        _services = services;
        Tools = tools;
        Profile = profile;
        System = system;
        Task = task;
        Heuristics = heuristics;
        _fixedSystemText = system is { Variables.Count: 0 } ? system.Render(new Dictionary<string, object?>()) : null;
        _temperature = heuristics.Knobs.Any(k => k.Name == "temperature") ? (float)heuristics.GetNumber("temperature", 0) : null;
        _heuristicValues = heuristics.Values;
    }

    /// <summary>The profile.</summary>
    public AgentProfile Profile { get; }

    /// <summary>The system template, or null.</summary>
    public PromptTemplate? System { get; }

    /// <summary>The task template.</summary>
    public PromptTemplate Task { get; }

    /// <summary>The heuristics (empty when the agent has none).</summary>
    public Heuristics Heuristics { get; }

    /// <summary>The tools offered to the model (from agent.yaml <c>tools:</c>), in the listed order.</summary>
    public IReadOnlyList<AITool> Tools { get; }

    /// <summary>The skills indexed in the prompt.</summary>
    public SkillCatalog Skills => _services.Skills;

    /// <summary>Reads the agent's artifact files as a component map (file name to text).</summary>
    public static IReadOnlyDictionary<string, string> ReadComponents(AgentProfile profile) =>
        profile.ComponentFiles.ToDictionary(
            f => f,
            f => InputText.Read(ContainedPath.Require(profile.Directory, f, "the agent folder", Path.Combine(profile.Directory, "agent.yaml"), f)),
            StringComparer.Ordinal);

    /// <summary>
    /// Parses a component map; throws <see cref="InputException"/> naming the component at fault.
    /// <paramref name="services"/> binds the tools; by default run_python uses the best sandbox on
    /// this machine, skills load from the agent's <c>skills/</c> folder, and memory and session
    /// search are unavailable (an agent listing them needs services that provide them).
    /// </summary>
    public static AgentDefinition Create(AgentProfile profile, IReadOnlyDictionary<string, string> components, ToolServices? services = null)
    {
        return Create(profile, components, services, null);
    }

    /// <summary>As <see cref="Create(AgentProfile, IReadOnlyDictionary{string, string}, ToolServices?)"/> with run_python at <paramref name="sandboxLevel"/> (the job's <c>--sandbox</c>, null for the strongest available, so code the agent runs is held as its scored code is).</summary>
    public static AgentDefinition Create(AgentProfile profile, IReadOnlyDictionary<string, string> components, SandboxLevel? sandboxLevel) =>
        Create(profile, components, null, sandboxLevel);

    private static AgentDefinition Create(AgentProfile profile, IReadOnlyDictionary<string, string> components, ToolServices? services, SandboxLevel? sandboxLevel)
    {
        ArgumentNullException.ThrowIfNull(profile);
        services ??= new ToolServices { Sandbox = ToolServices.SandboxAt(sandboxLevel), Skills = SkillCatalog.Load(profile.Directory) };
        if (services.Guard is null && profile.Tools.Count > 0)
        {
            services = services with
            {
                Guard = new Safety.SafetyGuard(new Safety.SafetyGuardOptions { Root = profile.Directory, Rules = profile.Permissions, Default = Safety.ToolPermission.Allow }),
            };
        }
        var tools = profile.Tools.Count == 0
            ? []
            : new ToolRegistry(services).Resolve(profile.Tools, Path.Combine(profile.Directory, "agent.yaml"));
        string Text(string file) => components.TryGetValue(file, out var text)
            ? text
            : throw new InputException(Path.Combine(profile.Directory, file), null, null, "component missing from candidate");

        var system = profile.System is null ? null : PromptTemplate.Parse(Text(profile.System), Path.Combine(profile.Directory, profile.System));
        var task = PromptTemplate.Parse(Text(profile.Task), Path.Combine(profile.Directory, profile.Task));
        var heuristics = profile.Heuristics is null
            ? Heuristics.Empty
            : Prompts.Heuristics.Parse(Text(profile.Heuristics), Path.Combine(profile.Directory, profile.Heuristics));
        return new AgentDefinition(profile, system, task, heuristics, services, tools);
    }

    /// <summary>
    /// Builds the request for one task through the layered prompt builder (identity, tool guidance,
    /// frozen memory, skills index, task), and options carrying the heuristics (temperature as a
    /// sampling option, the rest for the kernel and simulator), the tools, and the system prompt's
    /// SHA-256 under <see cref="PromptKeys.SystemSha256"/>.
    /// </summary>
    private string Render(PromptTemplate template, IReadOnlyDictionary<string, object?> vars) =>
        Profile.MissingVarsRenderEmpty ? template.RenderLenient(vars) : template.Render(vars);

    /// <summary>The request for <paramref name="vars"/>; see the remarks above.</summary>
    public (List<ChatMessage> Messages, ChatOptions Options) BuildRequest(IReadOnlyDictionary<string, object?> vars)
    {
        var prompt = LayeredPromptBuilder.Build(new PromptLayers
        {
            Identity = System is null ? null : _fixedSystemText ?? Render(System, vars),
            Tools = Tools,
            Memory = _services.Memory?.Snapshot(),
            Skills = _services.Skills,
            Task = Render(Task, vars),
        });
        var options = NewOptions();
        options.AdditionalProperties![PromptKeys.SystemSha256] = prompt.SystemSha256;
        return (prompt.Messages, options);
    }

    /// <summary>
    /// Fresh options for one request: the heuristics (temperature as a sampling option, every knob
    /// for the kernel and simulator), the answer kind (for the simulator) and the agent's tools.
    /// </summary>
    public ChatOptions NewOptions()
    {
        var options = new ChatOptions { AdditionalProperties = [], Temperature = _temperature };
        options.AdditionalProperties[ModelRequestKeys.Heuristics] = _heuristicValues;
        options.AdditionalProperties[ModelRequestKeys.Answer] = Profile.Answer;
        if (Tools.Count > 0)
        {
            options.Tools = [.. Tools];
        }

        return options;
    }
}
