using System.Diagnostics;

namespace Evolve.Kernel.Library;

/// <summary>
/// The exclusive writer lock: <c>prompts/&lt;agent&gt;/.history.lock</c> opened with
/// <see cref="FileShare.None"/>, which other processes and other threads of this one both respect,
/// and which the OS releases if the holder dies. It lives beside <c>.history</c>, not in it, so a
/// write that fails on a library with no history can remove the history it began.
/// </summary>
internal sealed class LibraryLock : IDisposable
{
    private readonly FileStream _stream;

    private LibraryLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Takes the lock, waiting in turn behind other writers until <paramref name="timeout"/> (real
    /// time: it bounds a real wait); <paramref name="onWait"/> is called once if the lock is taken.
    /// </summary>
    public static LibraryLock Acquire(string lockPath, TimeSpan timeout, Action? onWait = null)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            if (TryAcquire(lockPath) is { } held)
            {
                return held;
            }

            if (attempt == 0)
            {
                onWait?.Invoke();
            }

            if (clock.Elapsed >= timeout)
            {
                throw new LibraryConflictException($"another writer holds the library lock ({lockPath}); waited {timeout.TotalSeconds:0.#} s for it");
            }

            Thread.Sleep(Math.Min(5 + (attempt * 5), 50));
        }
    }

    /// <summary>Takes the lock if it is free right now, else returns null.</summary>
    public static LibraryLock? TryAcquire(string lockPath)
    {
        try
        {
            return new LibraryLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
