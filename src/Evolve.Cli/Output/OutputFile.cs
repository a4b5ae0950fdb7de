using Evolve.Core.Workspace;
using Evolve.Kernel;

namespace Evolve.Cli.Output;

/// <summary>
/// Checks a result file (-o) before the work starts: not a folder, in a folder that exists and
/// can be written, and never inside the suites or agents folders, whose files are the run's inputs.
/// </summary>
internal static class OutputFile
{
    public static void Check(string? file, WorkspacePaths paths)
    {
        if (file is null)
        {
            return;
        }

        if (Directory.Exists(file))
        {
            throw Error($"{file} is a folder; give a file name");
        }

        foreach (var (folder, what) in new[] { (paths.Evals, "suites"), (paths.Prompts, "agents") })
        {
            if (Inside(file, folder))
            {
                throw Error($"{file} is inside the {what} folder {folder}; write results outside evals/ and prompts/ so no input of the run is overwritten");
            }
        }

        var parent = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(parent))
        {
            throw Error($"folder {parent} does not exist");
        }

        // The result is written beside the target and renamed over it, so that is what must be possible.
        var probe = EvalOutput.TempPath(file);
        try
        {
            using (File.Open(probe, FileMode.CreateNew, FileAccess.Write))
            {
            }

            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error($"cannot write {file}: {e.Message}");
        }
    }

    private static bool Inside(string file, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(file));
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static InputException Error(string message) => new("--output", null, null, message);
}
