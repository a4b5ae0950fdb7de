using System.Text;
using Evolve.Core.Compare;

namespace Evolve.Core.Reports.Compare;

/// <summary>Writes compare.md and compare.html into the run folder and, when asked, into an output folder.</summary>
public static class CompareReport
{
    /// <summary>File name of the Markdown report.</summary>
    public const string MarkdownFile = "compare.md";

    /// <summary>File name of the HTML report.</summary>
    public const string HtmlFile = "compare.html";

    /// <summary>Writes both reports atomically and returns their full paths, run folder first.</summary>
    public static IReadOnlyList<string> WriteAll(CompareResult result, string? outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        var markdown = CompareMarkdown.Render(result);
        var html = CompareHtml.Render(result);
        var written = new List<string>();
        foreach (var directory in new[] { result.RunDirectory, outputDirectory }.OfType<string>())
        {
            Directory.CreateDirectory(directory);
            var md = Path.Combine(directory, MarkdownFile);
            var temporary = md + ".tmp";
            File.WriteAllText(temporary, markdown, new UTF8Encoding(false));
            File.Move(temporary, md, overwrite: true);
            var page = Path.Combine(directory, HtmlFile);
            html.WriteTo(page);
            written.Add(md);
            written.Add(page);
        }

        return written;
    }
}
