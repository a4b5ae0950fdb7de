namespace Evolve.Core.Gepa.Seams;

/// <summary>A request from outside to stop after the current generation (cancellation stops at once instead).</summary>
public interface IStopSignal
{
    /// <summary>Why the run should stop, or null to go on.</summary>
    string? Reason { get; }
}

/// <summary>The <c>STOP</c> file in the run folder: <c>touch runs/ID/STOP</c> ends the search after the generation in flight.</summary>
/// <param name="runDirectory">The run folder.</param>
public sealed class StopFile(string runDirectory) : IStopSignal
{
    /// <summary>The file's name in the run folder.</summary>
    public const string FileName = "STOP";

    /// <summary>The file's path.</summary>
    public string Path { get; } = System.IO.Path.Combine(runDirectory, FileName);

    /// <inheritdoc/>
    public string? Reason => File.Exists(Path) ? "STOP file found in the run folder" : null;
}
