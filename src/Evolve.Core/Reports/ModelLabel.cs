using Evolve.Core.Evaluation;

namespace Evolve.Core.Reports;

/// <summary>The one phrase every output uses to name the model, so simulated scores are never mistaken for real ones.</summary>
public static class ModelLabel
{
    /// <summary>The standard sentence for the simulator.</summary>
    public const string SimulatorNote = "offline simulator, scores are synthetic";

    /// <summary><c>model: sim (offline simulator, scores are synthetic)</c> or <c>model: openai:gpt-4.1-mini</c>.</summary>
    public static string Line(ModelHandle model) => $"model: {model.Description}";
}
