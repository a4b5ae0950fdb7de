using System.CommandLine;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Configuration;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve models list</c>: every provider, how to name it, where it is reached and whether its key is set (masked).</summary>
internal static class ModelsListCommand
{
    public static Command Create(CliContext context, Func<string, string?> environment)
    {
        var command = new Command("list", "List the model providers: URI form, endpoint, the variables they read and whether a key is set (never shown)");
        command.SetAction(async (_, _) =>
        {
            var config = ModelsVerb.LoadConfig(context);
            var output = context.Out;
            await output.WriteLineAsync(config.Path is null ? $"config: no {WorkspaceModelConfig.FileName} (environment and defaults only)" : $"config: {config.Path}").ConfigureAwait(false);
            foreach (var scheme in new[] { ModelSchemes.Sim, ModelSchemes.Echo })
            {
                await output.WriteLineAsync($"{scheme,-10} {ProviderCatalog.UriForm(scheme)}").ConfigureAwait(false);
                await output.WriteLineAsync($"{string.Empty,-10} {ModelsVerb.Describe(scheme)}; no key").ConfigureAwait(false);
            }

            foreach (var scheme in ProviderCatalog.Real)
            {
                var settings = ProviderSettings.Resolve(scheme, config, environment);
                var endpointVariable = ProviderCatalog.EndpointVariable(scheme);
                var source = settings.EndpointSource == endpointVariable ? $"from {endpointVariable}" : $"{settings.EndpointSource}; override with {endpointVariable}";
                var key = settings.KeyVariable is null
                    ? "not needed"
                    : settings.HasKey && settings.KeySource != settings.KeyVariable
                        ? $"{settings.MaskedKey} in {settings.KeySource} ({settings.KeyVariable} would override it)"
                        : $"{SecretMask.Mask(environment(settings.KeyVariable))} in {settings.KeyVariable}";
                await output.WriteLineAsync($"{scheme,-10} {ProviderCatalog.UriForm(scheme)}").ConfigureAwait(false);
                await output.WriteLineAsync($"{string.Empty,-10} endpoint {settings.EndpointText} ({source})").ConfigureAwait(false);
                await output.WriteLineAsync($"{string.Empty,-10} key      {key}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
