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

    private AgentDefinition(AgentProfile profile, PromptTemplate? system, PromptTemplate task, Heuristics heuristics)
    {
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

    /// <summary>Reads the agent's artifact files as a component map (file name to text).</summary>
    public static IReadOnlyDictionary<string, string> ReadComponents(AgentProfile profile) =>
        profile.ComponentFiles.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(profile.Directory, f)), StringComparer.Ordinal);

    /// <summary>Parses a component map; throws <see cref="InputException"/> naming the component at fault.</summary>
    public static AgentDefinition Create(AgentProfile profile, IReadOnlyDictionary<string, string> components)
    {
        string Text(string file) => components.TryGetValue(file, out var text)
            ? text
            : throw new InputException(Path.Combine(profile.Directory, file), null, null, "component missing from candidate");

        var system = profile.System is null ? null : PromptTemplate.Parse(Text(profile.System), Path.Combine(profile.Directory, profile.System));
        var task = PromptTemplate.Parse(Text(profile.Task), Path.Combine(profile.Directory, profile.Task));
        var heuristics = profile.Heuristics is null
            ? Heuristics.Empty
            : Prompts.Heuristics.Parse(Text(profile.Heuristics), Path.Combine(profile.Directory, profile.Heuristics));
        return new AgentDefinition(profile, system, task, heuristics);
    }

    /// <summary>
    /// Builds the request for one task: the rendered system and user messages, and options
    /// carrying the heuristics (temperature as a sampling option, the rest for the kernel and simulator).
    /// </summary>
    public (List<ChatMessage> Messages, ChatOptions Options) BuildRequest(IReadOnlyDictionary<string, object?> vars)
    {
        var messages = new List<ChatMessage>(2);
        if (System is not null)
        {
            messages.Add(new ChatMessage(ChatRole.System, _fixedSystemText ?? System.Render(vars)));
        }

        messages.Add(new ChatMessage(ChatRole.User, Task.Render(vars)));
        var options = new ChatOptions { AdditionalProperties = [], Temperature = _temperature };
        options.AdditionalProperties[ModelRequestKeys.Heuristics] = _heuristicValues;
        return (messages, options);
    }
}
