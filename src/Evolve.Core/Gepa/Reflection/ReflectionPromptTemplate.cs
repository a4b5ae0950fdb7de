using Evolve.Kernel.Prompts;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>Renders a per-component custom reflection template (see <see cref="ReflectionPrompt.Build"/>).</summary>
internal static class ReflectionPromptTemplate
{
    public static string Render(
        string template,
        string componentName,
        string currentText,
        IReadOnlyList<ReflectiveRecord> records,
        IReadOnlyList<RejectedEdit> rejected)
    {
        var parsed = PromptTemplate.Parse(template, $"reflection template for {componentName}");
        var examples = records.Select(r => new Dictionary<string, object?>
        {
            ["case_id"] = r.CaseId,
            ["inputs"] = r.Inputs,
            ["output"] = r.Output,
            ["feedback"] = r.Feedback,
            ["score"] = r.Score,
            ["trace"] = r.Trace,
        }).ToList();
        var edits = rejected.Select(e => new Dictionary<string, object?>
        {
            ["parent_id"] = e.ParentId,
            ["component"] = e.Component,
            ["summary"] = e.Summary,
        }).ToList();
        return parsed.Render(new Dictionary<string, object?>
        {
            ["component"] = componentName,
            ["current_text"] = currentText,
            ["examples"] = examples,
            ["rejected"] = edits,
        });
    }
}
