namespace Evolve.Cli.Tests.Agent;

/// <summary>A terminal nobody types into: <see cref="ReadLine"/> blocks until the reader is disposed.</summary>
internal sealed class BlockingReader : TextReader
{
    private readonly ManualResetEventSlim _closed = new();
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a read has started waiting.</summary>
    public Task Reading => _reading.Task;

    public override string? ReadLine()
    {
        _reading.TrySetResult();
        _closed.Wait();
        return null;
    }

    protected override void Dispose(bool disposing)
    {
        _closed.Set();
        base.Dispose(disposing);
    }
}
