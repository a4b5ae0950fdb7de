using System.Net;
using System.Text;

namespace Evolve.Core.Reports.Html;

/// <summary>
/// A self-contained HTML document: one file, inline CSS and SVG, no script at all and no
/// network requests, so a report opens from disk, from a CI artifact or attached to an email.
/// Sections are appended as already-escaped HTML fragments.
/// </summary>
public sealed class HtmlPage
{
    private readonly StringBuilder _body = new();
    private readonly StringBuilder _css = new();
    private string? _lead;
    private readonly string _title;
    private readonly string? _banner;

    /// <summary>Starts a page.</summary>
    /// <param name="title">Page title (plain text).</param>
    /// <param name="banner">A warning shown at the top, e.g. that the model is the simulator; null for none.</param>
    public HtmlPage(string title, string? banner)
    {
        _title = title;
        _banner = banner;
    }

    /// <summary>HTML-escapes plain text (also safe inside attribute values).</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>
    /// Sets the page's one-line result, shown first under the title (before the banner and every
    /// section), so the answer a reader came for is the first thing read. Plain text.
    /// </summary>
    public HtmlPage Lead(string text)
    {
        _lead = text;
        return this;
    }

    /// <summary>Adds CSS rules only this page needs to the stylesheet in the head.</summary>
    public HtmlPage Style(string css)
    {
        _css.Append(css);
        return this;
    }

    /// <summary>Appends a section with an anchor id, a heading and a body fragment (already HTML).</summary>
    public HtmlPage Section(string id, string heading, string bodyHtml)
    {
        _body.Append("<section id=\"").Append(Escape(id)).Append("\"><h2>").Append(Escape(heading)).Append("</h2>\n")
            .Append(bodyHtml).Append("\n</section>\n");
        return this;
    }

    /// <summary>The whole document.</summary>
    public override string ToString()
    {
        var html = new StringBuilder(_body.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            // Forbid every outside fetch: the page must show the same offline as online. It runs no
            // script (toggles are CSS), so default-src 'none' forbids scripts, inline ones included.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
            .Append("<title>").Append(Escape(_title)).Append("</title><style>").Append(HtmlStyle.Css).Append(_css).Append("</style></head>\n<body>\n")
            .Append("<h1>").Append(Escape(_title)).Append("</h1>\n");
        if (_lead is not null)
        {
            html.Append("<p class=\"lead\">").Append(Escape(_lead)).Append("</p>\n");
        }

        if (_banner is not null)
        {
            html.Append("<p class=\"banner\">").Append(Escape(_banner)).Append("</p>\n");
        }

        html.Append(_body).Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>Writes the document to <paramref name="path"/> atomically (temp file, then rename), so a reader never sees half a report.</summary>
    public void WriteTo(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, ToString(), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
