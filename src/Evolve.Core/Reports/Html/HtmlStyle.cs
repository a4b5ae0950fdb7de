namespace Evolve.Core.Reports.Html;

/// <summary>The one stylesheet every Evolve page inlines; charts use the same colour variables.</summary>
public static class HtmlStyle
{
    /// <summary>Colour for "better" (passes, wins, B ahead).</summary>
    public const string Good = "#1a7f37";

    /// <summary>Colour for "worse" (failures, losses).</summary>
    public const string Bad = "#cf222e";

    /// <summary>Colour for neutral marks (ties, other candidates).</summary>
    public const string Neutral = "#8c959f";

    /// <summary>Accent colour (the best candidate, the current series).</summary>
    public const string Accent = "#0969da";

    /// <summary>The CSS.</summary>
    public const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:16px 24px;color:#1f2328;background:#fff}
        h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
        h3{font-size:15px;margin:16px 0 6px}
        .lead{font-size:18px;font-weight:600;margin:4px 0 10px}
        .banner{background:#fff8c5;border:1px solid #d4a72c;padding:6px 10px;border-radius:6px}
        table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
        th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .good{color:#1a7f37}.bad{color:#cf222e}.muted{color:#656d76}
        .verdict{font-size:16px;font-weight:600;padding:8px 12px;border-radius:6px;background:#f6f8fa;border:1px solid #d0d7de}
        pre,code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}pre{background:#f6f8fa;padding:8px;overflow:auto;white-space:pre-wrap}
        svg{max-width:100%;height:auto}svg text{font:11px system-ui,sans-serif;fill:#1f2328}
        .diff .ins{background:#dafbe1}.diff .del{background:#ffebe9;text-decoration:line-through}
        details{margin:4px 0}summary{cursor:pointer}
        .kv td:first-child{color:#656d76}
        """;
}
