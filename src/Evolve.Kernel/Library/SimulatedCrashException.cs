namespace Evolve.Kernel.Library;

/// <summary>
/// Thrown when the test fault seam asks for a crash: it skips every clean-up, so the files are
/// left exactly as a killed process would leave them.
/// </summary>
internal sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
    {
    }

    public SimulatedCrashException(string step)
        : base($"simulated crash at '{step}'")
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
