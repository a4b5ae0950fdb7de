using System.CommandLine;
using Evolve.Cli.Verbs;
using Evolve.Core.Workspace;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Library;

namespace Evolve.Cli.Agent;

/// <summary>The agent argument and the options every agent verb takes.</summary>
internal sealed class AgentOptions
{
    private readonly Argument<string> _agent = new("agent") { Description = "Agent name (folder under prompts/)" };
    private readonly Option<string?> _model = new("--model", "-m") { Description = "Model URI (default: the agent's, else sim)" };
    private readonly Option<LibraryChannel> _channel = new("--channel") { Description = "live, or canary (the canary version itself)", DefaultValueFactory = _ => LibraryChannel.Live };
    private readonly WorkspaceOptions _paths = WorkspaceOptions.Create();

    public void AddTo(Command command)
    {
        command.Arguments.Add(_agent);
        command.Options.Add(_model);
        command.Options.Add(_channel);
        _paths.AddTo(command);
    }

    public async Task<AgentRuntime> RuntimeAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        var runtime = Runtime(parse, context);
        await runtime.StartToolSourcesAsync(cancellationToken).ConfigureAwait(false);
        return runtime;
    }

    private AgentRuntime Runtime(ParseResult parse, CliContext context)
    {
        WorkspacePaths paths = _paths.ForAgents(parse, context);
        var agent = parse.GetValue(_agent)!;
        var profile = AgentProfileLoader.Load(paths.Prompts, agent);
        var model = context.Dependencies.CreateTaskModel(parse.GetValue(_model) ?? profile.Model ?? "sim", paths, oracles: null);
        return new AgentRuntime(paths.Prompts, agent, parse.GetValue(_channel), model, context.Dependencies.Time);
    }
}
