using System.Globalization;
using System.Text;
using Evolve.Kernel;
using Evolve.Kernel.Prompts;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// Builds the prompt that asks a reflection model for a new text of one component: GEPA's
/// meta-prompt, plus the edits already tried and rejected on this parent.
/// </summary>
public static class ReflectionPrompt
{
    /// <summary>
    /// The prompt, as one user message. Layout: the current text in a fenced block (always the
    /// first fenced block of the prompt: the simulator and reply checks rely on it), the examples as
    /// Markdown sections with their feedback verbatim, the task, the rejected edits, and the answer
    /// format (the new text in one fenced block).
    /// </summary>
    /// <param name="componentName">The component's name (artifact file name, for example <c>system.sbn</c>).</param>
    /// <param name="currentText">The component's current text.</param>
    /// <param name="records">The examples, usually from <see cref="ReflectiveDataset.FromRollouts"/>.</param>
    /// <param name="rejectedEdits">Edits already tried on this parent; those of other components are left out, and only the last 12 are listed.</param>
    /// <param name="customTemplate">
    /// A Scriban template used instead of the built-in wording, with variables <c>component</c>,
    /// <c>current_text</c>, <c>examples</c> (each with <c>case_id</c>, <c>inputs</c>, <c>output</c>,
    /// <c>feedback</c>, <c>score</c>, <c>trace</c>) and <c>rejected</c> (each with <c>parent_id</c>,
    /// <c>component</c>, <c>summary</c>). It should put the current text in the first fenced block.
    /// </param>
    /// <param name="lessons">Failures earlier versions in this lineage met, listed after the examples (cases shown as examples are left out); null for none.</param>
    /// <exception cref="InputException">The custom template does not parse or fails to render.</exception>
    public static string Build(
        string componentName,
        string currentText,
        IReadOnlyList<ReflectiveRecord> records,
        IReadOnlyList<RejectedEdit> rejectedEdits,
        string? customTemplate = null,
        LineageLessons? lessons = null)
    {
        ArgumentNullException.ThrowIfNull(componentName);
        ArgumentNullException.ThrowIfNull(currentText);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(rejectedEdits);
        var rejected = rejectedEdits.Where(e => e.Component == componentName).TakeLast(ReflectionDefaults.MaxRejectedEdits).ToList();
        if (customTemplate is not null)
        {
            return ReflectionPromptTemplate.Render(customTemplate, componentName, currentText, records, rejected);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"I am improving one part of an AI agent, the component `{componentName}`. Its current text is:\n\n");
        text.Append(FencedBlock.Wrap(currentText.TrimEnd('\r', '\n'))).Append("\n\n");
        AppendExamples(text, records);
        AppendLessons(text, (lessons ?? LineageLessons.None).Items.Where(l => records.All(r => r.CaseId != l.CaseId)).ToList());
        AppendTask(text, componentName, currentText);
        AppendRejected(text, rejected);
        text.Append("## Answer\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Reply with the complete new text of `{componentName}` inside one fenced block: a line of three ");
        text.Append("backticks before it and after it (four if the text itself contains three). Put no other fenced block in your reply.\n");
        return text.ToString();
    }

    private static void AppendExamples(StringBuilder text, IReadOnlyList<ReflectiveRecord> records)
    {
        text.Append("Below are examples of the agent at work with this text: the inputs it was given, the output it ");
        text.Append("generated, and feedback on that output. Failures come first.\n\n");
        if (records.Count == 0)
        {
            text.Append("(No examples were recorded this time: improve the text from the task description alone.)\n\n");
        }

        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            text.Append(CultureInfo.InvariantCulture, $"### Example {i + 1} (case `{r.CaseId}`, score {r.Score:0.00})\n\n");
            text.Append("#### Inputs\n\n").Append(FencedBlock.Wrap(r.Inputs)).Append("\n\n");
            text.Append("#### Generated output\n\n").Append(FencedBlock.Wrap(r.Output)).Append("\n\n");

            // Verbatim and unfenced: hint lines and test names are the most useful part of it.
            text.Append("#### Feedback\n\n").Append(r.Feedback.TrimEnd()).Append("\n\n");
            if (r.Trace is not null)
            {
                text.Append("#### Trace\n\n").Append(FencedBlock.Wrap(r.Trace)).Append("\n\n");
            }
        }
    }

    private static void AppendLessons(StringBuilder text, List<Lesson> lessons)
    {
        if (lessons.Count == 0)
        {
            return;
        }

        text.Append("## Earlier failures of this text's lineage\n\n");
        text.Append("Earlier versions of this text, on other cases, failed as follows. Guidance that covers what keeps coming back ");
        text.Append("is the guidance most likely to help on cases nobody has seen yet.\n\n");
        foreach (var lesson in lessons)
        {
            text.Append(CultureInfo.InvariantCulture, $"- case `{lesson.CaseId}`: {lesson.Summary}\n");
            if (lesson.Hints is not null)
            {
                text.Append("  ").Append(lesson.Hints).Append('\n');
            }
        }

        text.Append('\n');
    }

    private static void AppendTask(StringBuilder text, string componentName, string currentText)
    {
        text.Append("## Your task\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Write a new text for `{componentName}` that makes the agent do better on cases like these.\n\n");
        text.Append("- Read the inputs and infer the input format and the task; describe the task in detail in the new text.\n");
        text.Append("- Read every generated output together with its feedback: work out what went wrong, and what went right.\n");
        text.Append("- Keep the niche and domain-specific facts the feedback reveals, and any general strategy that worked, ");
        text.Append("in the new text: the agent will not see these examples.\n");
        text.Append("- Write general guidance; do not copy answers or outputs from the examples into the text.\n");
        text.Append("- Keep what already works, keep it concise, and keep the text's own format.\n");
        text.Append("- Keep every {{ variable }} as it is: the agent fills them in when it runs");
        var variables = TemplateVariablesOf(currentText);
        text.Append(variables.Count > 0 ? $" (this text uses {string.Join(", ", variables.Select(v => $"`{{{{ {v} }}}}`"))}).\n\n" : ".\n\n");
    }

    private static void AppendRejected(StringBuilder text, List<RejectedEdit> rejected)
    {
        if (rejected.Count == 0)
        {
            return;
        }

        text.Append("## Edits already tried and rejected\n\n");
        text.Append("These changes to this text were tried and did not improve the scores. Do not propose them again; try something different.\n\n");
        foreach (var edit in rejected)
        {
            var lines = edit.Summary.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            text.Append("- ").Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                text.Append("    ").Append(line).Append('\n');
            }
        }

        text.Append('\n');
    }

    private static List<string> TemplateVariablesOf(string text)
    {
        try
        {
            return PromptTemplate.Parse(text, "current").Variables.Order(StringComparer.Ordinal).ToList();
        }
        catch (InputException)
        {
            return [];
        }
    }
}
