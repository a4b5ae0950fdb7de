using System.CommandLine;
using Evolve.Core.Workspace;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Configuration;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve models list|test|serve</c>: which model providers there are, how they are configured, whether one answers, and serving one.</summary>
internal static class ModelsVerb
{
    /// <param name="context">Where to write and where the workspace search starts.</param>
    /// <param name="environment">Reads environment variables; default the process environment (tests inject their own).</param>
    public static Command Create(CliContext context, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var command = new Command("models", """
            List the model providers, check that one answers, or serve one as the OpenAI chat API.

            Examples:
              evolve models list
              evolve models test openai:gpt-4.1-mini
              evolve models test ollama:qwen2.5-coder:7b
              evolve models serve sim --port 8081
            """);
        command.Subcommands.Add(ModelsListCommand.Create(context, environment));
        command.Subcommands.Add(ModelsTestCommand.Create(context, environment));
        command.Subcommands.Add(ModelsServeCommand.Create(context, environment));
        return command;
    }

    /// <summary>The workspace's <c>evolve.yaml</c> (beside <c>evals/</c>, or in the working directory).</summary>
    internal static WorkspaceModelConfig LoadConfig(CliContext context)
    {
        var evals = WorkspacePaths.Resolve(context.WorkingDirectory).Evals;
        return WorkspaceModelConfig.Load(Path.GetDirectoryName(evals) ?? context.WorkingDirectory);
    }

    /// <summary>The one-line description of an offline scheme.</summary>
    internal static string Describe(string scheme) => ModelUri.Parse(scheme).Description[(scheme.Length + 1)..].Trim('(', ')');
}
