using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>is-html</c>: the trimmed answer is HTML: it starts with <c>&lt;</c>, ends with <c>&gt;</c>
/// and, parsed by AngleSharp (an HTML5 parser), holds at least one element HTML defines (a
/// made-up tag such as <c>&lt;note&gt;</c> is XML, not HTML). <c>contains-html</c>: some element
/// HTML defines appears anywhere in the answer. No value.
/// </summary>
internal sealed class HtmlEvaluator(bool whole) : SyncAssertionEvaluator<HtmlEvaluator.NoArgument>(whole ? "is-html" : "contains-html")
{
    internal sealed record NoArgument;

    private static readonly NoArgument None = new();
    private static readonly HtmlParser Parser = new();

    /// <inheritdoc/>
    protected override NoArgument Parse(AssertionSpec spec) => None;

    /// <inheritdoc/>
    protected override AssertionCheck Check(NoArgument arg, AssertionContext context, string output)
    {
        var text = output.Trim();
        var shaped = !whole || (text.StartsWith('<') && text.EndsWith('>'));
        var passed = shaped && HasHtmlElement(text);
        return AssertionCheck.Binary(passed, Explains(context.Spec, passed)
            ? passed
                ? $"the answer must not {(whole ? "be" : "contain")} HTML, but it does — answer in plain text."
                : whole && !shaped
                    ? "the answer is not HTML: it must start with a tag and end with one, with nothing around it — answer with the markup alone."
                    : "the answer holds no HTML element — write the markup with HTML tags such as <p> or <div>."
            : null);
    }

    private static bool HasHtmlElement(string text)
    {
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return false;
        }

        // The parser adds html, head and body itself; only what the text wrote counts.
        var document = Parser.ParseDocument(text);
        var written = text.Contains("<html", StringComparison.OrdinalIgnoreCase);
        return document.All.Any(e => e is not IHtmlUnknownElement
            && (written || e is not (IHtmlHtmlElement or IHtmlHeadElement or IHtmlBodyElement)));
    }
}
