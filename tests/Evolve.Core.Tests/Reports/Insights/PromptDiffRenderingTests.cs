using Evolve.Core.Reports.Insights;

namespace Evolve.Core.Tests.Reports.Insights;

public sealed class PromptDiffRenderingTests
{
    [Fact]
    public void ToHtml_HostileText_EscapedInsideDiffSpans()
    {
        var diff = PromptDiff.Compute("Say hello.\n", "Say hello.\n<script>alert('x & y')</script>\n");

        var html = PromptDiff.ToHtml(diff);

        Assert.StartsWith("<pre class=\"diff\">", html, StringComparison.Ordinal);
        Assert.EndsWith("</pre>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ins\">+ &lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ChangedWord_DelAndInsSpansAroundTheWords()
    {
        var diff = PromptDiff.Compute("Answer briefly.", "Answer carefully.");

        var html = PromptDiff.ToHtml(diff);

        Assert.Equal("<pre class=\"diff\">~ Answer <span class=\"del\">briefly</span><span class=\"ins\">carefully</span>.</pre>", html);
    }

    [Fact]
    public void ToHtml_LongUnchangedRuns_CollapsedIntoMarkers()
    {
        var before = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"line {i}"));
        var after = before.Replace("line 15\n", "line 15\nnew rule\n", StringComparison.Ordinal);

        var html = PromptDiff.ToHtml(PromptDiff.Compute(before, after));

        // 15 lines before the insertion minus 3 of context; 15 after minus 3.
        Assert.Contains("…12 unchanged lines…", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("unchanged lines").Length - 1);
        Assert.DoesNotContain("line 11\n", html, StringComparison.Ordinal);
        Assert.Contains("  line 13\n", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ins\">+ new rule</span>", html, StringComparison.Ordinal);
        Assert.Contains("  line 18\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("line 19", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Identical_NoChangesNote()
    {
        Assert.Equal("<p class=\"muted\">No changes.</p>", PromptDiff.ToHtml(PromptDiff.Compute("a\r\n", "a\n")));
    }

    [Fact]
    public void ToUnified_ModifiedAndInsertedLines_DiffUFormat()
    {
        var diff = PromptDiff.Compute("a\nb\nold rule here\nc\n", "a\nb\nnew rule here\nadded\nc\n");

        var text = PromptDiff.ToUnified(diff, "agent/system.sbn (v1)", "agent/system.sbn (v2)");

        Assert.Equal(
            "--- agent/system.sbn (v1)\n+++ agent/system.sbn (v2)\n@@ -1,4 +1,5 @@\n a\n b\n-old rule here\n+new rule here\n+added\n c\n",
            text);
    }

    [Fact]
    public void ToUnified_EmptyBefore_ZeroOldRange()
    {
        var text = PromptDiff.ToUnified(PromptDiff.Compute(string.Empty, "only line"), "before", "after");

        Assert.Equal("--- before\n+++ after\n@@ -0,0 +1 @@\n+only line\n", text);
    }

    [Fact]
    public void ToUnified_Identical_Empty()
    {
        Assert.Equal(string.Empty, PromptDiff.ToUnified(PromptDiff.Compute("x\ny", "x\ny\n"), "a", "b"));
    }
}
