namespace Evolve.Core.Evaluation.Matrix;

/// <summary>One column of the matrix: a prompt answered by a model, evaluated as one eval run of its own.</summary>
/// <param name="Prompt">The prompt's file name (the agent's primary template or one of its variants).</param>
/// <param name="Model">The model URI.</param>
/// <param name="Result">The eval run of this prompt on this model.</param>
public sealed record MatrixColumn(string Prompt, string Model, EvalJobResult Result)
{
    /// <summary>The column's heading, <c>prompt × model</c>.</summary>
    public string Label => $"{Prompt} × {Model}";

    private readonly Dictionary<string, CaseResult> _cases = Result.Summary.Cases.ToDictionary(c => c.Case.Id, StringComparer.Ordinal);

    /// <summary>This column's result for the case <paramref name="caseId"/>, or null when it did not run it.</summary>
    public CaseResult? Cell(string caseId) => _cases.GetValueOrDefault(caseId);

    /// <summary>The mean over rollouts of each named metric (an assertion's <c>metric</c>), then the suite's derived metrics, by name.</summary>
    public IReadOnlyDictionary<string, double> NamedMetrics { get; } = Result.Suite.Metrics(Result.Summary.NamedMetrics);
}
