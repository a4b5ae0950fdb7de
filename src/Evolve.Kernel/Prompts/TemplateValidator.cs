namespace Evolve.Kernel.Prompts;

/// <summary>
/// Checks a replacement template against the one it replaces: it must parse, keep every variable
/// the original read (unless <c>keepVariables</c> is false, for an alternative prompt the author
/// wrote rather than a rewrite), and render with the agent's sample variables.
/// </summary>
public static class TemplateValidator
{
    /// <summary>Returns every problem found (empty when the replacement is usable).</summary>
    public static IReadOnlyList<InputError> Validate(
        string replacementText,
        string replacementSource,
        PromptTemplate original,
        IReadOnlyDictionary<string, object?> sampleVars,
        bool keepVariables = true)
    {
        PromptTemplate replacement;
        try
        {
            replacement = PromptTemplate.Parse(replacementText, replacementSource);
        }
        catch (InputException ex)
        {
            return ex.Errors;
        }

        var errors = original.Variables
            .Where(v => keepVariables && !replacement.Variables.Contains(v))
            .Order(StringComparer.Ordinal)
            .Select(v => new InputError(replacementSource, null, v, $"the template must keep the variable '{v}' that {Path.GetFileName(original.SourcePath)} uses"))
            .ToList();

        if (errors.Count == 0 && sampleVars.Count > 0)
        {
            try
            {
                replacement.Render(sampleVars);
            }
            catch (InputException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        return errors;
    }
}
