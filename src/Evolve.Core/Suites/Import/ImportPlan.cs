using Evolve.Kernel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Everything an import will write, built in memory first so that a problem found late stops
/// the import before any file exists.
/// </summary>
internal sealed class ImportPlan(string name)
{
    public string Name { get; } = name;

    /// <summary>Files for <c>evals/NAME/</c>: relative path to text.</summary>
    public List<(string Path, string Text)> SuiteFiles { get; } = [];

    /// <summary>Files for <c>prompts/NAME/</c>: relative path to text.</summary>
    public List<(string Path, string Text)> AgentFiles { get; } = [];

    public List<InputError> Warnings { get; } = [];

    public void Warn(string file, int? line, string? field, string message) =>
        Warnings.Add(new InputError(file, line is > 0 ? line : null, field, message));

    /// <summary>
    /// Writes the files. An existing suite or agent folder is an error unless <paramref name="force"/>,
    /// which overwrites the files this import writes and leaves any others in place.
    /// </summary>
    public async Task<ImportResult> WriteAsync(string evalsDir, string promptsDir, bool force, CancellationToken cancellationToken)
    {
        var suiteDir = Path.Combine(evalsDir, Name);
        var agentDir = Path.Combine(promptsDir, Name);
        if (!force)
        {
            var errors = new[] { suiteDir, agentDir }
                .Where(Directory.Exists)
                .Select(dir => new InputError(dir, null, "--name", $"'{dir}' already exists; choose another --name, or pass --force to overwrite it"))
                .ToList();
            if (errors.Count > 0)
            {
                throw new InputException(errors);
            }
        }

        var written = new List<string>();
        foreach (var (dir, files) in new[] { (suiteDir, SuiteFiles), (agentDir, AgentFiles) })
        {
            foreach (var (relative, text) in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.Combine(dir, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, text, cancellationToken);
                written.Add(path);
            }
        }

        return new ImportResult(Name, suiteDir, agentDir, written, Warnings);
    }
}
