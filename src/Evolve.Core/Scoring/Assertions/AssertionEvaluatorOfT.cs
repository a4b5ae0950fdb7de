using System.Runtime.CompilerServices;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// An assertion evaluator whose spec value is parsed once into <typeparamref name="TArg"/> (a
/// compiled regex, a parsed schema, a number) and cached per spec object, so the thousands of
/// rollouts scored against one suite parse each assertion once.
/// </summary>
internal abstract class AssertionEvaluator<TArg> : AssertionEvaluator
    where TArg : class
{
    private readonly ConditionalWeakTable<AssertionSpec, Parsed> _cache = [];
    private readonly ConditionalWeakTable<AssertionSpec, Parsed>.CreateValueCallback _parse;

    protected AssertionEvaluator(string type)
        : base(type)
    {
        _parse = spec =>
        {
            try
            {
                return new Parsed(Parse(spec), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new Parsed(null, new SpecProblem(e is ThresholdException ? "threshold" : "value", e.Message));
            }
        };
    }

    /// <inheritdoc/>
    public sealed override SpecProblem? Validate(AssertionSpec spec) => _cache.GetValue(spec, _parse).Problem;

    /// <summary>Parses the spec's value and threshold; throws (any exception) with a message saying what is wrong.</summary>
    protected abstract TArg Parse(AssertionSpec spec);

    /// <summary>Runs the check with the parsed argument.</summary>
    protected abstract ValueTask<AssertionCheck> CheckAsync(TArg arg, AssertionContext context, string output, CancellationToken cancellationToken);

    /// <inheritdoc/>
    protected sealed override ValueTask<AssertionCheck> CheckAsync(AssertionContext context, string output, CancellationToken cancellationToken)
    {
        var parsed = _cache.GetValue(context.Spec, _parse);
        if (parsed.Arg is null)
        {
            var problem = parsed.Problem!;
            return new(AssertionCheck.Broken(
                $"this check cannot run because the suite's {problem.Field} is wrong ({problem.Message}). This is a problem in the suite, not in the answer.",
                $"{context.Spec.Source}: {problem.Field}: {problem.Message}"));
        }

        return CheckAsync(parsed.Arg, context, output, cancellationToken);
    }

    private sealed record Parsed(TArg? Arg, SpecProblem? Problem);
}
