using System.Text.Json.Nodes;

namespace Evolve.Core.Promotion;

/// <summary>The outcome of one promotion gate.</summary>
/// <param name="Name">artifacts, size or holdout.</param>
/// <param name="Passed">True when the gate let the candidate through.</param>
/// <param name="Detail">One line saying why.</param>
public sealed record GateResult(string Name, bool Passed, string Detail)
{
    /// <summary>The gate as stored in a version's gate results.</summary>
    public JsonObject ToJson() => new() { ["passed"] = Passed, ["detail"] = Detail };
}
