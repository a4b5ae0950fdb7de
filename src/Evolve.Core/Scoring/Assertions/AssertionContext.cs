using Evolve.Core.Suites;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// Hands an assertion evaluator the assertion as written and the case it belongs to, through the
/// <see cref="EvaluationContext"/> channel of Microsoft.Extensions.AI.Evaluation.
/// </summary>
internal sealed class AssertionContext : EvaluationContext
{
    /// <summary>The context name evaluators and reports see.</summary>
    public const string ContextName = "Evolve assertion";

    // Contents stay empty: they exist for judges that read text, and building them per call
    // would cost allocations on a path that runs thousands of times a second.
    private static readonly AIContent[] NoContents = [];

    public AssertionContext(AssertionSpec spec, EvalCase evalCase, Answer answer)
        : base(ContextName, NoContents)
    {
        Spec = spec;
        Case = evalCase;
        Answer = answer;
    }

    /// <summary>The assertion being checked.</summary>
    public AssertionSpec Spec { get; }

    /// <summary>The case the answer was given for.</summary>
    public EvalCase Case { get; }

    /// <summary>The answer with what is known of how it was produced (its text may have been transformed since).</summary>
    public Answer Answer { get; }

    /// <summary>Finds the assertion context among the additional contexts, without LINQ.</summary>
    public static AssertionContext? Find(IEnumerable<EvaluationContext>? contexts)
    {
        if (contexts is null)
        {
            return null;
        }

        if (contexts is EvaluationContext[] array)
        {
            foreach (var context in array)
            {
                if (context is AssertionContext found)
                {
                    return found;
                }
            }

            return null;
        }

        foreach (var context in contexts)
        {
            if (context is AssertionContext found)
            {
                return found;
            }
        }

        return null;
    }
}
