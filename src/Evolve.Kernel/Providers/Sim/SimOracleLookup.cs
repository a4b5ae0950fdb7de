namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Finds the oracle of a case for the simulator, which is built with one
/// (<see cref="ModelOptions.SimOracles"/>): requests carry only the case id
/// (<see cref="ModelRequestKeys.CaseId"/>), so no reference answer travels with a request
/// that could reach a real provider.
/// </summary>
/// <param name="caseId">The id the request names.</param>
/// <param name="answer">How the asking agent answers (<see cref="ModelRequestKeys.Answer"/>; text when the request does not say).</param>
/// <returns>The oracle, or null when the case is unknown.</returns>
public delegate SimOracle? SimOracleLookup(string caseId, SimAnswerKind answer);
