using System.IO.Compression;
using System.Text.Json;
using Evolve.Kernel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Imports HumanEval-format problems (one JSON object per line with task_id, prompt, entry_point,
/// canonical_solution and test; gzip is detected from the file's magic bytes). Each problem becomes
/// a python-tests case whose reference answer is the prompt plus the canonical solution, with hints
/// read from its docstring (<see cref="HumanEvalHints"/>).
/// </summary>
internal static class HumanEvalImporter
{
    private static readonly string[] Required = ["task_id", "prompt", "entry_point", "canonical_solution", "test"];

    public static async Task<ImportPlan> PlanAsync(string source, string name, CancellationToken cancellationToken)
    {
        var errors = new ErrorSink();
        var text = await ReadTextAsync(source, cancellationToken);
        var cases = new List<EvalCase>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0 && Problem(lines[i], new SourceLocation(source, i + 1), errors) is { } problem)
            {
                cases.Add(problem);
            }
        }

        if (cases.Count == 0 && !errors.HasErrors)
        {
            errors.Add(source, null, null, "the file holds no problems");
        }

        foreach (var duplicate in cases.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.ElementAt(1)))
        {
            errors.Add(duplicate.Source, "task_id", $"task_id gives the case id '{duplicate.Id}' twice");
        }

        errors.ThrowIfAny();
        var plan = new ImportPlan(name);
        plan.SuiteFiles.Add((SuiteLoader.SuiteFileName, YamlText.Write(new Dictionary<string, object?>
        {
            ["name"] = name,
            ["description"] = $"HumanEval-format Python problems from {Path.GetFileName(source)}, checked by their hidden tests",
            ["agent"] = name,
            ["cases"] = new List<object?> { "cases.yaml" },
            ["split"] = new Dictionary<string, object?> { ["train"] = 0.4, ["val"] = 0.3, ["holdout"] = 0.3, ["seed"] = 7L },
            ["repeat"] = 1L,
        })));
        plan.SuiteFiles.Add(("cases.yaml", YamlText.Write(cases.Select(CaseYaml.ToMap).ToList())));
        HumanEvalAgentSeed.AddTo(plan, cases[0].Vars);
        return plan;
    }

    private static EvalCase? Problem(string line, SourceLocation at, ErrorSink errors)
    {
        Dictionary<string, object?>? map;
        try
        {
            using var document = JsonDocument.Parse(line);
            map = JsonValues.ToValue(document.RootElement) as Dictionary<string, object?>;
        }
        catch (JsonException e)
        {
            errors.Add(at, null, $"malformed JSON at column {(e.BytePositionInLine ?? 0) + 1}");
            return null;
        }

        if (map is null)
        {
            errors.Add(at, null, "each line must be a JSON object (one problem)");
            return null;
        }

        var missing = Required.Where(k => map.GetValueOrDefault(k) is not string { Length: > 0 }).ToList();
        foreach (var field in missing)
        {
            errors.Add(at, field, $"'{field}' is missing or is not text");
        }

        if (missing.Count > 0)
        {
            return null;
        }

        var taskId = (string)map["task_id"]!;
        var prompt = (string)map["prompt"]!;
        var entryPoint = (string)map["entry_point"]!;
        return new EvalCase
        {
            Id = taskId.ToLowerInvariant().Replace('/', '-').Replace(' ', '-'),
            Vars = new Dictionary<string, object?> { ["prompt"] = prompt, ["entry_point"] = entryPoint },
            Expected = prompt + (string)map["canonical_solution"]!,
            Assertions = [new AssertionSpec("python-tests", false, (string)map["test"]!, null, 1, null, at)],
            Tags = ["humaneval"],
            Hints = HumanEvalHints.FromPrompt(prompt),
            Metadata = new Dictionary<string, object?> { ["task_id"] = taskId },
            Source = at,
        };
    }

    private static async Task<string> ReadTextAsync(string source, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(source, cancellationToken);
        if (bytes is [0x1f, 0x8b, ..])
        {
            using var text = new MemoryStream();
            try
            {
                await using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                await gzip.CopyToAsync(text, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw new InputException(source, null, null, $"the file starts like gzip but cannot be decompressed ({e.Message}); give a .jsonl file or an intact .jsonl.gz");
            }

            return InputText.Decode(text.ToArray(), source);
        }

        return InputText.Decode(bytes, source);
    }
}
