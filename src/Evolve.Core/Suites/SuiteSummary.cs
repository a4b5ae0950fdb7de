using Evolve.Kernel;

namespace Evolve.Core.Suites;

/// <summary>One suite as <see cref="SuiteCatalog"/> lists it: its counts when it loads, its errors when it does not.</summary>
/// <param name="Name">The folder name under the evals directory.</param>
/// <param name="Agent">The agent it scores, or null when the suite did not load.</param>
/// <param name="Description">Its description, when it loaded and has one.</param>
/// <param name="Train">Cases in the train split.</param>
/// <param name="Val">Cases in the val split.</param>
/// <param name="Holdout">Cases in the holdout split.</param>
/// <param name="Errors">Why the suite did not load; empty when it did.</param>
public sealed record SuiteSummary(
    string Name,
    string? Agent,
    string? Description,
    int Train,
    int Val,
    int Holdout,
    IReadOnlyList<InputError> Errors)
{
    /// <summary>All cases.</summary>
    public int Total => Train + Val + Holdout;

    /// <summary>True when the suite loaded without problems.</summary>
    public bool IsValid => Errors.Count == 0;
}
