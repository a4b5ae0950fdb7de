using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites;

/// <summary>Reads a YAML case file: a list of cases, or a map whose <c>cases:</c> key holds the list.</summary>
internal static class YamlCaseFileReader
{
    public static IEnumerable<RawCase> Read(string text, string displayPath, string stem, ErrorSink errors)
    {
        var root = YamlDocumentReader.Read(text, displayPath, errors, out var failed);
        if (failed || root is null)
        {
            if (!failed)
            {
                errors.Add(displayPath, null, null, "the case file is empty");
            }

            return [];
        }

        var list = root switch
        {
            YamlSequenceNode sequence => sequence,
            YamlMappingNode mapping => CasesOf(mapping, displayPath, errors),
            _ => null,
        };
        if (list is null)
        {
            if (root is not YamlMappingNode)
            {
                errors.Add(displayPath, YamlDocumentReader.LineOf(root), null, "a YAML case file must hold a list of cases, or a map with 'cases:'");
            }

            return [];
        }

        var cases = new List<RawCase>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is YamlMappingNode mapping)
            {
                cases.Add(RawCase.FromYaml(mapping, displayPath, $"{stem}-{i + 1}"));
            }
            else
            {
                errors.Add(displayPath, YamlDocumentReader.LineOf(list.Children[i]), $"cases[{i}]", "a case must be a map of fields (id, vars, assert, ...)");
            }
        }

        return cases;
    }

    private static YamlSequenceNode? CasesOf(YamlMappingNode mapping, string displayPath, ErrorSink errors)
    {
        YamlSequenceNode? cases = null;
        foreach (var (key, value) in mapping.Children)
        {
            var name = YamlValues.KeyText(key);
            if (name != "cases")
            {
                errors.Add(displayPath, YamlDocumentReader.LineOf(key), name, $"unknown key '{name}'; a case file map holds only 'cases:'");
            }
            else if (value is YamlSequenceNode sequence)
            {
                cases = sequence;
            }
            else
            {
                errors.Add(displayPath, YamlDocumentReader.LineOf(key), "cases", "'cases' must be a list of cases");
            }
        }

        if (cases is null && !mapping.Children.Any(kv => YamlValues.KeyText(kv.Key) == "cases"))
        {
            errors.Add(displayPath, YamlDocumentReader.LineOf(mapping), "cases", "the file is a map without 'cases:'; write a list of cases, or put them under 'cases:'");
        }

        return cases;
    }
}
