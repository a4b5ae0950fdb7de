using System.Diagnostics;

namespace Evolve.Kernel.Library;

/// <summary>
/// The exclusive writer lock: <c>.history/lock</c> opened with <see cref="FileShare.None"/>, which
/// other processes and other threads of this one both respect, and which the OS releases if the
/// holder dies.
/// </summary>
internal sealed class LibraryLock : IDisposable
{
    private readonly FileStream _stream;

    private LibraryLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, retrying until <paramref name="timeout"/> (real time: it bounds a real wait).</summary>
    public static LibraryLock Acquire(string historyDirectory, TimeSpan timeout)
    {
        Directory.CreateDirectory(historyDirectory);
        var path = Path.Combine(historyDirectory, "lock");
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new LibraryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (clock.Elapsed >= timeout)
                {
                    throw new LibraryConflictException($"another writer holds the library lock ({path}); waited {timeout.TotalSeconds:0.#} s", ex);
                }

                Thread.Sleep(Math.Min(5 + (attempt * 5), 50));
            }
        }
    }

    /// <summary>Takes the lock if it is free right now, else returns null.</summary>
    public static LibraryLock? TryAcquire(string historyDirectory)
    {
        try
        {
            return new LibraryLock(new FileStream(Path.Combine(historyDirectory, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
