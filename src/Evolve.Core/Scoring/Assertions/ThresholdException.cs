namespace Evolve.Core.Scoring.Assertions;

/// <summary>Thrown while parsing a spec when its <c>threshold</c>, not its value, is wrong, so the error names the right field.</summary>
internal sealed class ThresholdException : FormatException
{
    public ThresholdException()
    {
    }

    public ThresholdException(string message)
        : base(message)
    {
    }

    public ThresholdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
