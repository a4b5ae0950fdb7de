using Evolve.Kernel;
using Evolve.Kernel.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites;

/// <summary>Parses a YAML document through <see cref="BoundedYaml"/> into a node tree that keeps line numbers for error messages.</summary>
internal static class YamlDocumentReader
{
    /// <summary>
    /// Returns the root node, null for an empty document, or reports the syntax error or the limit
    /// passed, with its line, and returns null.
    /// </summary>
    public static YamlNode? Read(string text, string displayPath, ErrorSink errors, out bool failed)
    {
        failed = false;
        try
        {
            return BoundedYaml.Read(text, displayPath);
        }
        catch (InputException e)
        {
            failed = true;
            errors.AddRange(e.Errors);
            return null;
        }
    }

    /// <summary>The 1-based line where a node starts.</summary>
    public static int LineOf(YamlNode node) => (int)node.Start.Line;
}
