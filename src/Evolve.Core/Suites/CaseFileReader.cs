namespace Evolve.Core.Suites;

/// <summary>Picks the reader for a case file by its extension.</summary>
internal static class CaseFileReader
{
    public static readonly string[] Extensions = [".yaml", ".yml", ".jsonl", ".csv"];

    public static IEnumerable<RawCase> Read(byte[] bytes, string displayPath, ErrorSink errors, AssertionReader assertions)
    {
        var stem = Path.GetFileNameWithoutExtension(displayPath);
        if (SuiteLoader.DecodeText(bytes, displayPath, errors) is not { } text)
        {
            return [];
        }

        switch (Path.GetExtension(displayPath).ToLowerInvariant())
        {
            case ".yaml" or ".yml":
                return YamlCaseFileReader.Read(text, displayPath, stem, errors);
            case ".jsonl":
                return JsonlCaseFileReader.Read(text, displayPath, stem, errors);
            case ".csv":
                return CsvCaseFileReader.Read(bytes, displayPath, stem, errors, assertions);
            default:
                errors.Add(displayPath, null, null, $"unsupported case file type; use {string.Join(", ", Extensions)}");
                return [];
        }
    }
}
