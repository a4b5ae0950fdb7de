using Evolve.Core.Scoring;
using Evolve.Kernel;
using Evolve.Kernel.Prompts;

namespace Evolve.Core.Suites;

/// <summary>
/// Assertion values are templates, as in promptfoo: <c>contains: "{{ name }}"</c> checks each case's
/// own name. Every text value (or text item of a list) that holds <c>{{</c> or <c>{%</c> is rendered
/// once per case at load time with the case's vars, a var the case lacks rendering empty (with a
/// warning), and the rendered assertion is checked as if written so. A suite default that is a
/// template becomes a per-case assertion. <c>python-tests</c> values are code, never templates.
/// </summary>
internal static class AssertionTemplates
{
    /// <summary>True when some text of the value would be rendered.</summary>
    public static bool IsTemplated(AssertionSpec spec) => spec.Type != "python-tests" && Texts(spec.Value).Any(HasTemplate);

    /// <summary>The value with each of its texts (the text, or the text items of a list) mapped.</summary>
    public static object? MapTexts(object? value, Func<string, string> map) => value switch
    {
        string text => map(text),
        IEnumerable<object?> items => items.Select(item => item is string text ? map(text) : item).ToList(),
        _ => value,
    };

    private static bool HasTemplate(string text) => text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal);

    /// <summary>
    /// The cases with their templated assertions, and the templated defaults put first, rendered;
    /// the defaults that stay shared; one warning per template and var some case lacks. Problems in
    /// a template or in what it renders to go to <paramref name="errors"/>.
    /// </summary>
    public static Rendered Render(IReadOnlyList<EvalCase> cases, IReadOnlyList<AssertionSpec> defaults, ErrorSink errors)
    {
        var missing = new List<(string Where, string Var, string Case)>();
        var templatedDefaults = defaults.Select((spec, i) => (spec, field: $"default_assert[{i}]")).Where(d => IsTemplated(d.spec)).ToList();
        var parsed = new Dictionary<(string Text, SourceLocation At), PromptTemplate?>();
        var rendered = new List<EvalCase>(cases.Count);
        foreach (var evalCase in cases)
        {
            var own = evalCase.Assertions.Select((spec, i) => (spec, field: $"assert[{i}]"));
            if (templatedDefaults.Count == 0 && !evalCase.Assertions.Any(IsTemplated))
            {
                rendered.Add(evalCase);
                continue;
            }

            var assertions = new List<AssertionSpec>();
            foreach (var (spec, field) in templatedDefaults.Concat(own))
            {
                if (!IsTemplated(spec))
                {
                    assertions.Add(spec);
                }
                else if (RenderOne(spec, field, evalCase, parsed, errors, missing) is { } done)
                {
                    assertions.Add(done);
                }
            }

            rendered.Add(evalCase with { Assertions = assertions });
        }

        // One line per template and variable, not per case: a default read by 500 cases is one warning.
        List<string> warnings = [.. missing.GroupBy(m => (m.Where, m.Var)).Select(g =>
            $"{g.Key.Where}.value reads '{g.Key.Var}', which {(g.Count() == 1 ? $"case '{g.First().Case}' does" : $"{g.Count()} cases (first '{g.First().Case}') do")} not define; it renders empty")];
        return new Rendered(rendered, [.. defaults.Where(d => !IsTemplated(d))], warnings);
    }

    /// <summary>What <see cref="Render"/> gives: the cases, the defaults left shared, the warnings.</summary>
    public sealed record Rendered(List<EvalCase> Cases, List<AssertionSpec> SharedDefaults, List<string> Warnings);

    private static AssertionSpec? RenderOne(
        AssertionSpec spec, string field, EvalCase evalCase, Dictionary<(string, SourceLocation), PromptTemplate?> parsed, ErrorSink errors, List<(string, string, string)> missing)
    {
        string Render(string text)
        {
            if (!HasTemplate(text))
            {
                return text;
            }

            if (!parsed.TryGetValue((text, spec.Source), out var template))
            {
                template = Parse(text, spec, field, errors);
                parsed[(text, spec.Source)] = template;
            }

            if (template is null)
            {
                return text;
            }

            foreach (var name in template.Variables.Where(v => !evalCase.Vars.ContainsKey(v)))
            {
                missing.Add(($"{spec.Source}: {field}", name, evalCase.Id));
            }

            return template.RenderLenient(evalCase.Vars);
        }

        object? value;
        try
        {
            value = MapTexts(spec.Value, Render);
        }
        catch (InputException e)
        {
            errors.Add(spec.Source, $"{field}.value", $"the template fails for case '{evalCase.Id}': {e.Errors[0].Message}");
            return null;
        }

        var result = spec with { Value = value };
        var problems = AssertionSpecValidator.ValidateScorable(result, field);
        foreach (var problem in problems)
        {
            errors.Add(spec.Source, problem.Field, $"{problem.Message} (rendered for case '{evalCase.Id}')");
        }

        return problems.Count == 0 ? result : null;
    }

    private static PromptTemplate? Parse(string text, AssertionSpec spec, string field, ErrorSink errors)
    {
        try
        {
            return PromptTemplate.Parse(text, spec.Source.File);
        }
        catch (InputException e)
        {
            errors.Add(spec.Source, $"{field}.value", $"the value is a template that does not parse: {e.Errors[0].Message}");
            return null;
        }
    }

    private static IEnumerable<string> Texts(object? value) => value switch
    {
        string text => [text],
        IEnumerable<object?> items => items.OfType<string>(),
        _ => [],
    };
}
