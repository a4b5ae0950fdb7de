using Evolve.Kernel;

namespace Evolve.Core.Runs;

/// <summary>
/// The run folder's <c>run.lock</c>: held exclusively by the one process working on the run. It is
/// an OS file lock, so the OS drops it when that process dies, and a lock file nobody holds means
/// the run's process is gone.
/// </summary>
internal static class RunLock
{
    public const string FileName = "run.lock";

    /// <summary>Takes the lock for this process's lifetime; another process holding it is bad input.</summary>
    public static FileStream Acquire(string directory)
    {
        try
        {
            return new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new InputException(directory, null, null, "this run is in use by another evolve process");
        }
    }

    /// <summary>Whether the folder has a lock file at all (eval runs that never resumed take none).</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, FileName));

    /// <summary>Whether a live process holds the lock; probes without creating the file.</summary>
    public static bool IsHeld(string directory)
    {
        if (!Exists(directory))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(Path.Combine(directory, FileName), FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
