using System.CommandLine;
using Evolve.Cli.Verbs;
using Evolve.Kernel;

namespace Evolve.Cli;

/// <summary>
/// The command tree and the one place that turns exceptions into exit codes: bad input is one
/// line per problem and exit 2; a systemic failure exit 3; Ctrl+C exit 130. Bare <c>evolve</c> prints help and exits 0.
/// </summary>
internal static class EvolveApp
{
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("Evolve: score, compare and evolve an agent's prompts against eval suites.");
        root.Subcommands.Add(RunVerb.Create(context));
        root.Subcommands.Add(EvalVerb.Create(context));
        root.Subcommands.Add(ReportVerb.Create(context));
        root.Subcommands.Add(CompareVerb.Create(context));
        root.Subcommands.Add(RunsVerb.Create(context));
        root.Subcommands.Add(SuiteVerb.Create(context));
        root.Subcommands.Add(AgentVerb.Create(context));
        root.Subcommands.Add(PromoteVerb.Create(context));
        root.Subcommands.Add(DeployVerb.Create(context));
        root.Subcommands.Add(RollbackVerb.Create(context));
        root.Subcommands.Add(LibraryVerb.Create(context));
        root.Subcommands.Add(ModelsVerb.Create(context));
        root.Subcommands.Add(ScoreVerb.Create(context));
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken) =>
        InvokeAsync(CreateRoot(context), args, context, cancellationToken);

    /// <summary>Parses and runs <paramref name="args"/> against <paramref name="root"/> (the full tree, or a test's own), mapping exceptions to exit codes.</summary>
    internal static async Task<int> InvokeAsync(RootCommand root, string[] args, CliContext context, CancellationToken cancellationToken)
    {
        // Bare evolve is a request for orientation, not a mistake: help on standard output, exit 0.
        var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var line in ParseErrorText.Lines(parsed))
            {
                await context.Error.WriteLineAsync($"error: {line}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"(run '{CommandPath(parsed)} --help' for usage)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            // Ctrl+C is handled by the caller's token, so System.CommandLine must not install its own handler.
            var configuration = new InvocationConfiguration
            {
                Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException ex)
        {
            foreach (var error in ex.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            }

            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("cancelled: finished rollouts are kept in the run folder").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (SystemicFailureException ex)
        {
            await context.Error.WriteLineAsync($"stopped: {ex.Message} (finished rollouts are kept)").ConfigureAwait(false);
            return ExitCodes.SystemicFailure;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug, not bad input: say so plainly, keep the details for a report.
            await context.Error.WriteLineAsync($"internal error: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            await context.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        names[0] = "evolve";
        return string.Join(' ', names);
    }
}
