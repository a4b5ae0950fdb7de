using System.CommandLine;
using System.Globalization;
using Evolve.Core.Evaluation;
using Evolve.Core.Suites;
using Evolve.Core.Suites.Import;
using Evolve.Kernel;
using Evolve.Kernel.Agents;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve suite list|validate|import</c>.</summary>
internal static class SuiteVerb
{
    public static Command Create(CliContext context)
    {
        var command = new Command("suite", "List, check and import eval suites.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Validate(context));
        command.Subcommands.Add(Import(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var paths = WorkspaceOptions.Create();
        var command = new Command("list", "The suites under evals/ with their agent and case counts per split.");
        paths.AddTo(command);
        command.SetAction(parse =>
        {
            var suites = SuiteCatalog.List(paths.ForSuites(parse, context).Evals);
            context.Out.WriteLine($"{"suite",-16} {"agent",-14} {"train",6} {"val",6} {"holdout",8} {"total",6}  description");
            foreach (var s in suites)
            {
                context.Out.WriteLine(s.IsValid
                    ? string.Create(CultureInfo.InvariantCulture, $"{s.Name,-16} {s.Agent,-14} {s.Train,6} {s.Val,6} {s.Holdout,8} {s.Total,6}  {s.Description}")
                    : $"{s.Name,-16} (invalid: {s.Errors[0]}{(s.Errors.Count > 1 ? $" and {s.Errors.Count - 1} more" : "")})");
            }

            return suites.All(s => s.IsValid) ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }

    private static Command Validate(CliContext context)
    {
        var name = new Argument<string?>("suite") { Description = "Suite to check (default: every suite)", Arity = ArgumentArity.ZeroOrOne };
        var references = new Option<bool>("--check-references") { Description = "Score each case's reference answer with its own assertions; report cases whose reference fails" };
        var sandbox = Choices.Sandbox("Sandbox for python-tests");
        var paths = WorkspaceOptions.Create();
        var command = new Command("validate", """
            Load suites and report every problem with file, line and field.

            Examples:
              evolve suite validate
              evolve suite validate coding --check-references
            """);
        command.Arguments.Add(name);
        command.Options.Add(references);
        command.Options.Add(sandbox.Option);
        paths.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var workspace = paths.ForSuites(parse, context);
            var names = parse.GetValue(name) is { } one ? [one] : SuiteLoader.SuiteNames(workspace.Evals);
            var errors = new List<InputError>();
            var failedReferences = 0;
            foreach (var suiteName in names)
            {
                Suite suite;
                try
                {
                    suite = SuiteLoader.Load(workspace.Evals, suiteName);
                }
                catch (InputException ex)
                {
                    errors.AddRange(ex.Errors);
                    context.Out.WriteLine($"{suiteName}: {ex.Errors.Count} problem(s)");
                    continue;
                }

                var line = $"{suite.Name}: {suite.Cases.Count} cases ok";
                foreach (var warning in suite.TemplateWarnings.Concat(suite.UnscoredWarnings()).Concat(AgentWarnings(workspace.Prompts, suite)))
                {
                    await context.Error.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
                }

                if (parse.GetValue(references))
                {
                    var agent = AgentProfileLoader.Load(workspace.Prompts, suite.Agent);
                    var scorer = await context.Dependencies.CreateScorerAsync(new ScorerRequest(suite.RunsCode(suite.Cases), sandbox.GetValue(parse))).ConfigureAwait(false);
                    var failures = await ReferenceCheck.RunAsync(suite, agent.Answer, scorer.Scorer, Environment.ProcessorCount * 2, ct).ConfigureAwait(false);
                    failedReferences += failures.Count;
                    line += $"; references {suite.Cases.Count - failures.Count}/{suite.Cases.Count} pass (sandbox: {scorer.SandboxDescription})";
                    foreach (var failure in failures)
                    {
                        context.Out.WriteLine($"  reference fails: {failure.Case.Source}: {failure.Case.Id}: {failure.Problem.ReplaceLineEndings(" ")}");
                    }
                }

                context.Out.WriteLine(line);
            }

            foreach (var error in errors)
            {
                await context.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            }

            return errors.Count > 0 ? ExitCodes.BadInput : failedReferences > 0 ? ExitCodes.GateFailed : ExitCodes.Ok;
        });
        return command;
    }

    // The prompts' vars that cases lack; an agent that does not load is no concern of validate's.
    private static IReadOnlyList<string> AgentWarnings(string prompts, Suite suite)
    {
        try
        {
            return MissingVarWarnings.Of(suite, AgentProfileLoader.Load(prompts, suite.Agent));
        }
        catch (Kernel.InputException)
        {
            return [];
        }
    }

    private static Command Import(CliContext context)
    {
        var kind = new ChoiceArgument<ImportKind>("kind", "Source format", [("promptfoo", ImportKind.Promptfoo), ("humaneval", ImportKind.HumanEval)]);
        var source = new Argument<string>("source") { Description = "promptfooconfig.yaml, or a HumanEval .jsonl / .jsonl.gz file" };
        var name = new Option<string?>("--name") { Description = "Suite and agent name (default: the config's folder name, or humaneval)" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing suite or agent of that name" };
        var paths = WorkspaceOptions.Create();
        var command = new Command("import", """
            Import a suite written for another tool as evals/NAME/ and a seed agent prompts/NAME/.

            Examples:
              evolve suite import promptfoo tests/Shared/Fixtures/promptfoo/simple-csv/promptfooconfig.yaml
              evolve suite import humaneval tests/Shared/Fixtures/humaneval/HumanEval-subset.jsonl.gz --name humaneval
            """);
        command.Arguments.Add(kind.Argument);
        command.Arguments.Add(source);
        command.Options.Add(name);
        command.Options.Add(force);
        paths.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var workspace = paths.Resolve(parse, context);
            var file = Path.GetFullPath(parse.GetValue(source)!, context.WorkingDirectory);
            var result = await SuiteImporter.ImportAsync(kind.GetValue(parse), file, parse.GetValue(name), workspace.Evals, workspace.Prompts, parse.GetValue(force), ct).ConfigureAwait(false);
            foreach (var written in result.FilesWritten)
            {
                context.Out.WriteLine($"wrote {written}");
            }

            foreach (var warning in result.Warnings)
            {
                await context.Error.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
            }

            // The imported providers are the suite's models; the offline run needs no key.
            var models = SuiteLoader.Load(Path.GetDirectoryName(result.SuiteDirectory)!, result.Name).Models;
            context.Out.WriteLine(models.Count == 0 || models.All(m => m == "echo")
                ? $"imported suite '{result.Name}': evolve eval --suite {result.Name}"
                : $"imported suite '{result.Name}' (models: {string.Join(", ", models)}): evolve eval --suite {result.Name}; offline: evolve eval --suite {result.Name} --model sim");
            return ExitCodes.Ok;
        });
        return command;
    }
}
