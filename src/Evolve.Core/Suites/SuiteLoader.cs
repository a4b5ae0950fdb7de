using Evolve.Kernel;

namespace Evolve.Core.Suites;

/// <summary>
/// Loads a suite: <c>suite.yaml</c> and its case files (YAML, JSONL, promptfoo-style CSV), with
/// every case checked and given a split. Any problem, anywhere, is collected; the load then throws
/// one <see cref="InputException"/> listing them all, each with its file, line and field.
/// </summary>
/// <remarks>
/// Paths in errors are shown as the caller gave them (the evals folder or the suite.yaml path,
/// joined with the file's path relative to the suite folder). Cases without an explicit split are
/// assigned by the suite's seeded ratio, as <see cref="SplitAssigner"/> describes; without a
/// <c>split:</c> section the ratio is train 0.5, val 0.3, holdout 0.2 with seed 0. A suite without
/// <c>agent:</c> scores the agent of the same name; without <c>cases:</c> it reads every
/// .yaml/.yml/.jsonl/.csv file in its folder and below, except suite.yaml.
/// </remarks>
public static class SuiteLoader
{
    /// <summary>The file that defines a suite inside its folder.</summary>
    public const string SuiteFileName = "suite.yaml";

    /// <summary>Loads the suite <paramref name="name"/> from <c><paramref name="evalsDir"/>/name/suite.yaml</c>.</summary>
    /// <exception cref="InputException">The suite does not exist (the message lists those that do) or has problems.</exception>
    public static Suite Load(string evalsDir, string name)
    {
        ArgumentNullException.ThrowIfNull(evalsDir);
        ArgumentNullException.ThrowIfNull(name);
        var suiteDir = Path.Combine(evalsDir, name);
        var suiteFile = Path.Combine(suiteDir, SuiteFileName);
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or ".." || !File.Exists(suiteFile))
        {
            var known = SuiteNames(evalsDir);
            var list = known.Count == 0 ? $"there are no suites in '{evalsDir}'" : $"suites in '{evalsDir}': {string.Join(", ", known)}";
            throw new InputException(suiteDir, null, null,
                $"no suite named '{name}' (expected {suiteFile}){NameSuggestion.DidYouMean(name, known)}; {list}");
        }

        return LoadFile(suiteFile);
    }

    /// <summary>Loads the suite defined by the <c>suite.yaml</c> at <paramref name="suiteYamlPath"/>.</summary>
    /// <exception cref="InputException">The file does not exist or the suite has problems.</exception>
    public static Suite LoadFile(string suiteYamlPath)
    {
        ArgumentNullException.ThrowIfNull(suiteYamlPath);
        if (!File.Exists(suiteYamlPath))
        {
            throw new InputException(suiteYamlPath, null, null, "the suite file does not exist");
        }

        var errors = new ErrorSink();
        var suiteBytes = File.ReadAllBytes(suiteYamlPath);
        var suiteText = DecodeText(suiteBytes, suiteYamlPath, errors);
        var definition = suiteText is null ? null : SuiteDefinitionReader.Read(suiteText, suiteYamlPath, errors);
        if (definition is null)
        {
            errors.ThrowIfAny();
        }

        var displayDir = Path.GetDirectoryName(suiteYamlPath) ?? string.Empty;
        var folder = Path.GetFileName(Path.GetFullPath(displayDir));
        var files = CaseFileResolver.Resolve(displayDir, suiteYamlPath, definition!.CaseEntries, errors);
        var builder = new CaseBuilder(errors);
        var assertionReader = new AssertionReader(errors);
        var cases = new List<EvalCase>();
        var contents = new List<(string, byte[])>();
        foreach (var file in files)
        {
            var display = Path.Combine(displayDir, file);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(display);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(display, null, null, $"the case file cannot be read: {e.Message}");
                continue;
            }

            contents.Add((file, bytes));
            foreach (var raw in CaseFileReader.Read(bytes, display, errors, assertionReader))
            {
                if (builder.Build(raw) is { } built)
                {
                    cases.Add(built);
                }
            }
        }

        var rendered = AssertionTemplates.Render(cases, definition.DefaultAssertions, errors);
        CheckDuplicateIds(cases, errors);
        if (cases.Count == 0 && !errors.HasErrors)
        {
            errors.Add(suiteYamlPath, null, "cases", "the suite has no cases; list case files under 'cases:'");
        }

        errors.ThrowIfAny();
        return new Suite
        {
            Name = definition.Name ?? folder,
            Directory = displayDir,
            Agent = definition.Agent ?? definition.Name ?? folder,
            Description = definition.Description,
            Cases = SplitAssigner.Assign(rendered.Cases, definition.Split),
            DefaultAssertions = rendered.SharedDefaults,
            TemplateWarnings = rendered.Warnings,
            Repeat = definition.Repeat,
            Models = definition.Models,
            DerivedMetrics = definition.DerivedMetrics,
            ContentHash = SuiteContentHash.Compute(suiteBytes, contents),
        };
    }

    /// <summary>Names of the folders under <paramref name="evalsDir"/> that hold a suite.yaml, in ordinal order.</summary>
    public static IReadOnlyList<string> SuiteNames(string evalsDir) =>
        Directory.Exists(evalsDir)
            ? Directory.EnumerateDirectories(evalsDir)
                .Where(d => File.Exists(Path.Combine(d, SuiteFileName)))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>The text of a file, or null after reporting bytes that are not text.</summary>
    internal static string? DecodeText(byte[] bytes, string displayPath, ErrorSink errors)
    {
        try
        {
            return InputText.Decode(bytes, displayPath);
        }
        catch (InputException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }

    private static void CheckDuplicateIds(List<EvalCase> cases, ErrorSink errors)
    {
        var first = new Dictionary<string, EvalCase>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            if (first.TryGetValue(c.Id, out var earlier))
            {
                errors.Add(c.Source, "id", $"duplicate case id '{c.Id}': already used at {earlier.Source}");
            }
            else
            {
                first[c.Id] = c;
            }
        }
    }
}
