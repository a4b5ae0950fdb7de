using Evolve.Kernel.Agents.Safety;
using Evolve.Kernel.Agents.Tools.Mcp;
using Evolve.Kernel.Providers.Sim;
using Evolve.Kernel.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Evolve.Kernel.Agents;

/// <summary>Loads <c>prompts/&lt;agent&gt;/agent.yaml</c>, reporting every problem with file, line and field.</summary>
public static class AgentProfileLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Loads the agent named <paramref name="agent"/> from <paramref name="promptsDirectory"/>.</summary>
    public static AgentProfile Load(string promptsDirectory, string agent)
    {
        Library.NameRules.RequireAgent(promptsDirectory, agent);
        var directory = Path.Combine(promptsDirectory, agent);
        var path = Path.Combine(directory, "agent.yaml");
        if (!File.Exists(path))
        {
            var known = System.IO.Directory.Exists(promptsDirectory)
                ? System.IO.Directory.GetDirectories(promptsDirectory).Where(d => File.Exists(Path.Combine(d, "agent.yaml"))).Select(Path.GetFileName).Order().ToArray()
                : [];
            throw new InputException(path, null, "agent", $"agent '{agent}' not found (agents: {string.Join(", ", known)})");
        }

        AgentYaml raw;
        IReadOnlyDictionary<string, int> keyLines;
        try
        {
            var text = InputText.Read(path);
            keyLines = TopLevelKeyLines.Of(text);
            BoundedYaml.Check(text, path);
            raw = Yaml.Deserialize<AgentYaml>(text) ?? new AgentYaml();
        }
        catch (YamlException ex)
        {
            throw new InputException(path, (int)ex.Start.Line, null, (ex.InnerException ?? ex).Message);
        }

        var errors = new List<InputError>();
        if (raw.Name is not null && !Identifier.IsValid(raw.Name))
        {
            errors.Add(new InputError(path, keyLines.LineOf("name"), "name", $"'{raw.Name}' is not an agent name ({Identifier.Rule})"));
        }

        if (string.IsNullOrWhiteSpace(raw.Task))
        {
            errors.Add(new InputError(path, keyLines.LineOf("task"), "task", "every agent needs a task template (for example task: task.sbn)"));
        }

        foreach (var (field, file) in new[] { ("system", raw.System), ("task", raw.Task), ("heuristics", raw.Heuristics) })
        {
            if (string.IsNullOrWhiteSpace(file))
            {
                continue;
            }

            if (ContainedPath.Resolve(directory, file, "the agent folder", out var problem) is null)
            {
                errors.Add(new InputError(path, keyLines.LineOf(field), field, problem!));
            }
            else if (!File.Exists(Path.Combine(directory, file)))
            {
                errors.Add(new InputError(path, keyLines.LineOf(field), field, $"file '{file}' not found in {directory}"));
            }
        }

        if (raw.MissingVars is not (null or "error" or "empty"))
        {
            errors.Add(new InputError(path, keyLines.LineOf("missing_vars"), "missing_vars", $"must be error (a case without a var the prompt reads fails) or empty (it renders empty, as promptfoo's Nunjucks does), not '{raw.MissingVars}'"));
        }

        var answer = SimAnswerKind.Text;
        if (raw.Answer is not null && !Enum.TryParse(raw.Answer, ignoreCase: true, out answer))
        {
            errors.Add(new InputError(path, keyLines.LineOf("answer"), "answer", $"must be text, code, json or number, not '{raw.Answer}'"));
        }

        if (raw.Tools?.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
        {
            errors.Add(new InputError(path, keyLines.LineOf("tools"), "tools", "tool names may not be empty"));
        }

        var permissions = new List<SafetyRule>();
        foreach (var (rule, i) in (raw.Permissions ?? []).Select((r, i) => (r, i)))
        {
            if (string.IsNullOrWhiteSpace(rule.Tool) || !Enum.TryParse<ToolPermission>(rule.Action, ignoreCase: true, out var permission))
            {
                errors.Add(new InputError(path, keyLines.LineOf("permissions"), $"permissions[{i}]", "each rule needs a tool (a glob) and an action: allow, ask or deny"));
                continue;
            }

            permissions.Add(new SafetyRule(rule.Tool, rule.Pattern ?? "*", permission));
        }

        var mcp = new List<McpServerConfig>();
        foreach (var (server, i) in (raw.Mcp ?? []).Select((m, i) => (m, i)))
        {
            if (string.IsNullOrWhiteSpace(server.Name) || string.IsNullOrWhiteSpace(server.Command))
            {
                errors.Add(new InputError(path, keyLines.LineOf("mcp"), $"mcp[{i}]", "each MCP server needs a name and a command"));
                continue;
            }

            mcp.Add(new McpServerConfig(server.Name, server.Command, server.Args ?? []) { Source = path });
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return new AgentProfile
        {
            Name = raw.Name ?? agent,
            Directory = directory,
            Description = raw.Description,
            Model = raw.Model,
            System = raw.System,
            Task = raw.Task!,
            Heuristics = raw.Heuristics,
            Answer = answer,
            Variants = raw.Variants ?? [],
            Tools = raw.Tools ?? [],
            Permissions = permissions,
            Mcp = mcp,
            SharedMemory = raw.SharedMemory ?? false,
            SampleVars = raw.SampleVars ?? new Dictionary<string, object?>(),
            MissingVarsRenderEmpty = raw.MissingVars == "empty",
        };
    }

    /// <summary>The YAML shape; unknown keys are an error so typos surface.</summary>
    private sealed class AgentYaml
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Model { get; set; }

        public string? System { get; set; }

        public string? Task { get; set; }

        public string? Heuristics { get; set; }

        public string? Answer { get; set; }

        public List<string>? Variants { get; set; }

        public List<string>? Tools { get; set; }

        public List<PermissionYaml>? Permissions { get; set; }

        public List<McpYaml>? Mcp { get; set; }

        public bool? SharedMemory { get; set; }

        public Dictionary<string, object?>? SampleVars { get; set; }

        public string? MissingVars { get; set; }
    }

    /// <summary>One allow/ask/deny rule as written in agent.yaml.</summary>
    private sealed class PermissionYaml
    {
        public string? Tool { get; set; }

        public string? Pattern { get; set; }

        public string? Action { get; set; }
    }

    /// <summary>One MCP server as written in agent.yaml.</summary>
    private sealed class McpYaml
    {
        public string? Name { get; set; }

        public string? Command { get; set; }

        public List<string>? Args { get; set; }
    }
}
