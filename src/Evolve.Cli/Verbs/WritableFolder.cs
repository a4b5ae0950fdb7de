using Evolve.Kernel;

namespace Evolve.Cli.Verbs;

/// <summary>Checks, before a run starts, that a folder it will write into can be written (or created).</summary>
internal static class WritableFolder
{
    public static void Check(string folder, string flag)
    {
        if (File.Exists(folder))
        {
            throw new InputException(flag, null, null, $"{folder} is a file, not a folder");
        }

        // The nearest folder that exists is where the write (or the creation of the rest) happens.
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null || File.Exists(parent))
            {
                throw new InputException(flag, null, null, $"{folder} cannot be created: {parent} is a file");
            }

            existing = parent;
        }

        var probe = Path.Combine(existing, $".evolve-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Open(probe, FileMode.CreateNew, FileAccess.Write))
            {
            }

            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(flag, null, null, $"cannot write into {existing}: {e.Message}");
        }
    }
}
