using Scriban.Functions;
using Scriban.Syntax;

namespace Evolve.Kernel.Prompts;

/// <summary>Finds the input variables a template reads, by walking its syntax tree.</summary>
internal static class TemplateVariables
{
    private static readonly HashSet<string> Builtins = [.. new BuiltinFunctions().Keys, "this", "empty"];

    public static IReadOnlySet<string> Collect(ScriptPage page)
    {
        var walker = new Walker();
        walker.Visit(page);
        walker.Read.ExceptWith(walker.Defined);
        walker.Read.ExceptWith(Builtins);
        return walker.Read;
    }

    private sealed class Walker : ScriptVisitor
    {
        public HashSet<string> Read { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Defined { get; } = new(StringComparer.Ordinal);

        public override void Visit(ScriptVariableGlobal node)
        {
            Read.Add(node.Name);
            base.Visit(node);
        }

        // In `string.upcase` only the target is a variable; the member name is not.
        public override void Visit(ScriptMemberExpression node) => Visit(node.Target);

        public override void Visit(ScriptAssignExpression node)
        {
            if (node.Target is ScriptVariable target)
            {
                Defined.Add(target.Name);
            }

            base.Visit(node);
        }

        public override void Visit(ScriptForStatement node)
        {
            if (node.Variable is ScriptVariable loopVariable)
            {
                Defined.Add(loopVariable.Name);
            }

            base.Visit(node);
        }
    }
}
