using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evolve.Kernel.Yaml;

/// <summary>
/// The one way Evolve reads YAML: size, nesting, alias count and expanded node count are checked
/// against <see cref="YamlLimits"/> before a node tree is built, so a hostile file is refused
/// quickly instead of exhausting memory. Every problem is an <see cref="InputException"/> naming
/// the file and line.
/// </summary>
public static class BoundedYaml
{
    /// <summary>
    /// Parses the first document of <paramref name="text"/> into a node tree that keeps line
    /// numbers; null for an empty document.
    /// </summary>
    /// <exception cref="InputException">The text is not YAML or passes a limit.</exception>
    public static YamlNode? Read(string text, string path, YamlLimits? limits = null)
    {
        Check(text, path, limits);
        var parser = new Parser(new StringReader(text));
        var stream = new YamlStream();
        Guard(parser, path, () => stream.Load(parser));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>
    /// Checks <paramref name="text"/> against the limits without building anything, for readers
    /// that hand the text to a YamlDotNet deserializer afterwards.
    /// </summary>
    /// <exception cref="InputException">The text is not YAML or passes a limit.</exception>
    public static void Check(string text, string path, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        limits ??= YamlLimits.Default;
        if (text.Length > limits.MaxChars)
        {
            throw new InputException(path, null, null, $"YAML refused: {text.Length:N0} characters is over the limit of {limits.MaxChars:N0}");
        }

        var parser = new Parser(new StringReader(text));
        Guard(parser, path, () => YamlBudget.Check(parser, path, limits));
    }

    private static void Guard(Parser? parser, string path, Action read)
    {
        try
        {
            read();
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            throw new InputException(path, (int)e.Start.Line, null, $"malformed YAML at column {e.Start.Column}: {message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed input instead of a YamlException;
            // the parser's last good event still says where reading stopped.
            var at = parser?.Current?.End;
            throw new InputException(path, at is null ? null : (int)at.Value.Line, null,
                $"malformed YAML{(at is null ? string.Empty : $" near column {at.Value.Column}")}: the document could not be read past this point");
        }
    }
}
