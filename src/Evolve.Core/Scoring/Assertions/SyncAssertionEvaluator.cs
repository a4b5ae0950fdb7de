namespace Evolve.Core.Scoring.Assertions;

/// <summary>An assertion evaluator that completes synchronously (every type but python-tests).</summary>
internal abstract class SyncAssertionEvaluator<TArg> : AssertionEvaluator<TArg>
    where TArg : class
{
    protected SyncAssertionEvaluator(string type)
        : base(type)
    {
    }

    /// <summary>Runs the check.</summary>
    protected abstract AssertionCheck Check(TArg arg, AssertionContext context, string output);

    /// <inheritdoc/>
    protected sealed override ValueTask<AssertionCheck> CheckAsync(TArg arg, AssertionContext context, string output, CancellationToken cancellationToken) =>
        new(Check(arg, context, output));
}
