using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Evolve.Kernel.Prompts;

/// <summary>
/// A parsed Scriban prompt template: immutable and safe to render from many threads at once. A
/// template written as a chat prompt (<see cref="ChatPrompt"/>) renders each message's content as
/// its own template and gives the messages back as JSON.
/// </summary>
public sealed class PromptTemplate
{
    [ThreadStatic]
    private static TemplateContext? t_context;

    [ThreadStatic]
    private static TemplateContext? t_lenientContext;

    private readonly Template? _template;
    private readonly IReadOnlyList<(string Role, Template Content)>? _chat;

    private PromptTemplate(Template? template, IReadOnlyList<(string Role, Template Content)>? chat, string text, string sourcePath, IReadOnlySet<string> variables)
    {
        _template = template;
        _chat = chat;
        Text = text;
        SourcePath = sourcePath;
        Variables = variables;
    }

    /// <summary>The template text as written.</summary>
    public string Text { get; }

    /// <summary>The file it came from (or a pseudo-path such as <c>--prompt</c>), used in errors.</summary>
    public string SourcePath { get; }

    /// <summary>The input variables the template reads (not the ones it assigns, loops over or Scriban's built-ins).</summary>
    public IReadOnlySet<string> Variables { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="InputException"/> listing every syntax error with line and column.</summary>
    public static PromptTemplate Parse(string text, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ChatPrompt.TryRead(text) is { } messages)
        {
            var chat = messages.Select((m, i) => (m.Role, Compile(m.Content, sourcePath, $"message {i + 1}: "))).ToList();
            var variables = chat.SelectMany(m => TemplateVariables.Collect(m.Item2.Page!)).ToHashSet(StringComparer.Ordinal);
            return new PromptTemplate(null, chat, text, sourcePath, variables);
        }

        var template = Compile(text, sourcePath, "");
        return new PromptTemplate(template, null, text, sourcePath, TemplateVariables.Collect(template.Page!));
    }

    /// <summary>True when the template is a chat prompt, so it renders to a JSON array of messages.</summary>
    public bool IsChat => _chat is not null;

    // A chat message's errors name the message, since their lines count within its content.
    private static Template Compile(string text, string sourcePath, string where)
    {
        var template = Template.Parse(text, sourcePath);
        if (template.HasErrors)
        {
            var errors = template.Messages
                .Where(m => m.Type == ParserMessageType.Error)
                .Select(m => new InputError(sourcePath, m.Span.Start.Line + 1, $"{where}column {m.Span.Start.Column + 1}", m.Message))
                .ToList();
            throw new InputException(errors);
        }

        return template;
    }

    /// <summary>
    /// Renders with <paramref name="variables"/>. A variable the template reads but that is not
    /// given is an error (strict mode), so a case missing a var fails loudly instead of rendering blanks.
    /// </summary>
    /// <exception cref="InputException">The template failed at run time (missing variable, bad expression).</exception>
    public string Render(IReadOnlyDictionary<string, object?> variables) => Render(variables, strict: true);

    /// <summary>
    /// Renders as Nunjucks does for promptfoo's assertion values: a variable that is not given
    /// renders empty instead of failing.
    /// </summary>
    /// <exception cref="InputException">The template failed at run time (bad expression).</exception>
    public string RenderLenient(IReadOnlyDictionary<string, object?> variables) => Render(variables, strict: false);

    private string Render(IReadOnlyDictionary<string, object?> variables, bool strict)
    {
        var globals = new ScriptObject();
        foreach (var (name, value) in variables)
        {
            globals.SetValue(name, ScriptValues.From(value), readOnly: false);
        }

        // A TemplateContext is costly to build (it sets up every built-in function), so each
        // thread keeps one and renders into a fresh output with the variables pushed on top.
        var context = strict
            ? t_context ??= new TemplateContext { StrictVariables = true, LoopLimit = 10_000, RecursiveLimit = 50 }
            : t_lenientContext ??= new TemplateContext { StrictVariables = false, LoopLimit = 10_000, RecursiveLimit = 50 };
        context.PushGlobal(globals);
        context.PushOutput();
        try
        {
            return _chat is null
                ? _template!.Render(context)
                : ChatPrompt.Write(_chat.Select(m => (m.Role, m.Content.Render(context))).ToList());
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            throw new InputException(SourcePath, ex.Span.Start.Line + 1, $"column {ex.Span.Start.Column + 1}", ex.OriginalMessage);
        }
        finally
        {
            context.PopOutput();
            context.PopGlobal();
        }
    }
}
