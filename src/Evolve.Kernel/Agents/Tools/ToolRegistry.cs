using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Tools;

/// <summary>
/// The tools an agent may be offered, by name: the built-ins bound to <see cref="ToolServices"/>
/// plus any added (for example from an MCP server). agent.yaml picks among them.
/// </summary>
public sealed class ToolRegistry
{
    private readonly Dictionary<string, Func<AIFunction?>> _tools = new(StringComparer.Ordinal);

    private readonly ToolServices _services;

    /// <summary>Registers the built-ins whose services are present.</summary>
    public ToolRegistry(ToolServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        var cap = services.MaxResultChars;
        _tools[ToolNames.RunPython] = () => services.Sandbox is { } s ? RunPythonTool.Create(s, cap) : null;
        _tools[ToolNames.ReadSkill] = () => ReadSkillTool.Create(services.Skills, cap);
        _tools[ToolNames.Memory] = () => services.Memory is { } m ? MemoryTool.Create(m, cap) : null;
        _tools[ToolNames.SearchSessions] = () => services.Sessions is { } st ? SearchSessionsTool.Create(st, services.SessionScope, cap) : null;
        foreach (var tool in services.Extra)
        {
            Add(tool);
        }
    }

    /// <summary>Adds (or replaces) a tool under its own name.</summary>
    public ToolRegistry Add(AIFunction tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        _tools[tool.Name] = () => tool;
        return this;
    }

    /// <summary>
    /// The tools named, in the order given; an unknown name or one whose service is not configured
    /// is an <see cref="InputException"/> naming <paramref name="source"/> and the field <c>tools</c>.
    /// </summary>
    public IReadOnlyList<AITool> Resolve(IEnumerable<string> names, string source)
    {
        ArgumentNullException.ThrowIfNull(names);
        var errors = new List<InputError>();
        var tools = new List<AITool>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (!_tools.TryGetValue(name, out var make))
            {
                errors.Add(new InputError(source, null, "tools", $"unknown tool '{name}' (known: {string.Join(", ", _tools.Keys.Order(StringComparer.Ordinal))})"));
            }
            else if (make() is { } tool)
            {
                tools.Add(_services.Guard is { } guard ? new GuardedTool(tool, guard) : tool);
            }
            else
            {
                errors.Add(new InputError(source, null, "tools", $"tool '{name}' is not available here (its memory, session store or sandbox is not configured)"));
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : tools;
    }
}
