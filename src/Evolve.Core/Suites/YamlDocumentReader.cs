using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites;

/// <summary>Parses a YAML document into a node tree that keeps line numbers for error messages.</summary>
internal static class YamlDocumentReader
{
    /// <summary>
    /// Returns the root node, null for an empty document, or reports the syntax error with its
    /// line and column and returns null.
    /// </summary>
    public static YamlNode? Read(string text, string displayPath, ErrorSink errors, out bool failed)
    {
        failed = false;
        var parser = new Parser(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            failed = true;
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            errors.Add(displayPath, (int)e.Start.Line, null, $"malformed YAML at column {e.Start.Column}: {message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed input instead of a YamlException;
            // the parser's last good event still says where reading stopped.
            failed = true;
            var at = parser.Current?.End;
            errors.Add(displayPath, at is null ? null : (int)at.Value.Line, null,
                $"malformed YAML{(at is null ? string.Empty : $" near column {at.Value.Column}")}: the document could not be read past this point");
        }

        return null;
    }

    /// <summary>The 1-based line where a node starts.</summary>
    public static int LineOf(YamlNode node) => (int)node.Start.Line;
}
