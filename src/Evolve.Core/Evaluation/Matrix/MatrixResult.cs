using Evolve.Core.Suites;

namespace Evolve.Core.Evaluation.Matrix;

/// <summary>A finished matrix: one column per prompt × model, one row per case, as promptfoo's table.</summary>
/// <param name="Columns">The columns in the order they ran (models outer, prompts inner).</param>
/// <param name="MinScore">The <c>--min-score</c> gate, applied to every column.</param>
public sealed record MatrixResult(IReadOnlyList<MatrixColumn> Columns, double? MinScore)
{
    /// <summary>The cases, in the first column's order (every column ran the same cases).</summary>
    public IReadOnlyList<EvalCase> Cases => Columns.Count == 0 ? [] : [.. Columns[0].Result.Summary.Cases.Select(c => c.Case)];

    /// <summary>True when no gate was set or every column's mean case score reaches it.</summary>
    public bool GatePassed => Columns.All(c => c.Result.GatePassed);

    /// <summary>True when some column's model is the simulator.</summary>
    public bool Simulated => Columns.Any(c => c.Result.Model.Simulated);
}
