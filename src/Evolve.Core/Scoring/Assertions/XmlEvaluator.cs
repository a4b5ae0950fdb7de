using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>is-xml</c>: the whole answer is one well-formed XML document; <c>contains-xml</c>: some
/// element in the answer is (the first that parses counts). The optional value lists elements
/// that must be present as dotted paths from the root (<c>"analysis.sentiment, analysis.score"</c>
/// or a list), as promptfoo's are. DTDs are refused, so an answer cannot make the check expand
/// entities or read files.
/// </summary>
internal sealed partial class XmlEvaluator(bool whole) : SyncAssertionEvaluator<XmlEvaluator.Required>(whole ? "is-xml" : "contains-xml")
{
    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    internal sealed record Required(string[][] Paths);

    /// <inheritdoc/>
    protected override Required Parse(AssertionSpec spec)
    {
        if (spec.Value is null or "")
        {
            return new Required([]);
        }

        // TryItems splits a text at commas and trims each item, as promptfoo reads the list.
        if (!SpecValue.TryItems(spec.Value, out var items))
        {
            throw new FormatException($"{Type} takes required element paths (text or a list), not {SpecValue.Describe(spec.Value)}");
        }

        var paths = items.Select(i => i.Split('.')).ToArray();
        return paths.Any(p => p.Any(string.IsNullOrWhiteSpace))
            ? throw new FormatException($"{Type} takes element paths such as root.child, not {SpecValue.Describe(spec.Value)}")
            : new Required(paths);
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(Required arg, AssertionContext context, string output)
    {
        var (document, problem) = whole ? ParseWhole(output.Trim()) : FindInside(output);
        if (document is not null && arg.Paths.FirstOrDefault(p => !Has(document.Root!, p)) is { } missing)
        {
            problem = $"the XML has no <{string.Join(">/<", missing)}> element";
        }

        var passed = problem is null;
        if (!Explains(context.Spec, passed))
        {
            return AssertionCheck.Binary(passed, null);
        }

        return AssertionCheck.Binary(passed, passed
            ? $"the answer must not {(whole ? "be" : "contain")} XML{(arg.Paths.Length > 0 ? " with those elements" : "")}, but it does."
            : $"{problem}. The answer was {FeedbackText.Quote(output)} — {(whole ? "answer with one XML document only" : "include a well-formed XML element")}{(arg.Paths.Length > 0 ? " with the required elements" : "")}.");
    }

    private static (XDocument? Document, string? Problem) ParseWhole(string text)
    {
        if (text.Length == 0)
        {
            return (null, "the answer is empty, not XML");
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Safe);
            return (XDocument.Load(reader), null);
        }
        catch (XmlException e)
        {
            return (null, $"the answer is not well-formed XML ({e.Message})");
        }
    }

    private static (XDocument? Document, string? Problem) FindInside(string output)
    {
        // A bounded number of tries, so an answer of a million "<a" costs no more than a short one.
        foreach (var start in OpeningTag().Matches(output).Take(50))
        {
            var name = start.Groups[1].Value;
            var end = output.LastIndexOf($"</{name}>", StringComparison.Ordinal);
            var candidate = start.Value.EndsWith("/>", StringComparison.Ordinal) ? start.Value
                : end > start.Index ? output[start.Index..(end + name.Length + 3)]
                : null;
            if (candidate is not null && ParseWhole(candidate) is ({ } document, _))
            {
                return (document, null);
            }
        }

        return (null, "the answer contains no well-formed XML element");
    }

    private static bool Has(XElement root, string[] path)
    {
        if (root.Name.LocalName != path[0])
        {
            return false;
        }

        IEnumerable<XElement> level = [root];
        foreach (var name in path.Skip(1))
        {
            level = level.Elements().Where(e => e.Name.LocalName == name).ToList();
        }

        return level.Any();
    }

    [GeneratedRegex(@"<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?/?>")]
    private static partial Regex OpeningTag();
}
