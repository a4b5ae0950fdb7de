namespace Evolve.Kernel.Agents.Safety;

/// <summary>
/// Everything a command line will run: its pipelines with wrappers removed, plus the pipelines of
/// every nested script (sh -c, eval) and command substitution, found recursively.
/// </summary>
internal static class CommandAnalysis
{
    // Deeper nesting than this is not something an honest agent writes; refusing it bounds the work.
    private const int MaxDepth = 8;

    /// <summary>All pipelines, outermost first; throws <see cref="FormatException"/> when the line cannot be read.</summary>
    public static IReadOnlyList<IReadOnlyList<SimpleCommand>> Expand(string commandLine)
    {
        var pipelines = new List<IReadOnlyList<SimpleCommand>>();
        Expand(commandLine, 0, pipelines);
        return pipelines;
    }

    private static void Expand(string text, int depth, List<IReadOnlyList<SimpleCommand>> into)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"commands nested more than {MaxDepth} levels deep");
        }

        var parse = ShellParser.Parse(text);
        foreach (var pipeline in parse.Pipelines)
        {
            var unwrapped = new List<SimpleCommand>();
            foreach (var command in pipeline)
            {
                var (args, script) = CommandUnwrapper.Unwrap(command.Args);
                if (script is not null)
                {
                    Expand(script, depth + 1, into);
                }

                if (args.Count > 0 || command.OutputTargets.Count > 0)
                {
                    unwrapped.Add(new SimpleCommand(args, command.OutputTargets));
                }
            }

            if (unwrapped.Count > 0)
            {
                into.Add(unwrapped);
            }
        }

        foreach (var substitution in parse.Substitutions)
        {
            Expand(substitution, depth + 1, into);
        }
    }
}
