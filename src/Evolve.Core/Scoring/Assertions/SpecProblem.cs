namespace Evolve.Core.Scoring.Assertions;

/// <summary>What is wrong with an assertion as written.</summary>
/// <param name="Field">The spec field at fault: <c>value</c> or <c>threshold</c>.</param>
/// <param name="Message">What is wrong, phrased for the suite's author.</param>
internal sealed record SpecProblem(string Field, string Message);
