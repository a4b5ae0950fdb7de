using Evolve.Core.Suites;
using Evolve.Kernel;

namespace Evolve.Core.Scoring;

/// <summary>
/// Checks assertions as written before anything runs: known type, usable value (the regex
/// compiles, the JSON Schema parses, numeric's value is a number, word-count's shape), sane
/// threshold and weight. The suite loader calls it so that bad suites fail with file, line and
/// field instead of scoring 0 at run time.
/// </summary>
public static class AssertionSpecValidator
{
    private static readonly AssertionCatalog Catalog = new(ScoringServices.Default);

    /// <summary>
    /// Problems with one assertion; <paramref name="field"/> names it in the file, for example
    /// <c>assert[2]</c> or <c>default_assert[0]</c>, and errors name <c>field.value</c> and so on.
    /// </summary>
    public static IReadOnlyList<InputError> Validate(AssertionSpec spec, string field)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrEmpty(field);
        var errors = new List<InputError>();
        Add(errors, spec, field);
        return errors;
    }

    /// <summary>
    /// The suite loader's call, once the type name has been checked: problems with the value,
    /// threshold and weight of a type that has an evaluator; none for a type without one (a
    /// type Evolve does not score yet, which is scored as an error on its own). A missing
    /// value is left to the case: f1 falls back on its expected answer, python-tests on its tests.
    /// </summary>
    internal static IReadOnlyList<InputError> ValidateScorable(AssertionSpec spec, string field)
    {
        var errors = new List<InputError>();
        if (Catalog.TryGet(spec.Type, out _))
        {
            Add(errors, spec, field, checkValue: spec.Value is not null || spec.Type is "javascript" or "select-best");
        }

        return errors;
    }

    /// <summary>Problems with a list of assertions, named <c>listField[i]</c>.</summary>
    public static IReadOnlyList<InputError> Validate(IReadOnlyList<AssertionSpec> specs, string listField = "assert")
    {
        ArgumentNullException.ThrowIfNull(specs);
        var errors = new List<InputError>();
        for (var i = 0; i < specs.Count; i++)
        {
            Add(errors, specs[i], $"{listField}[{i}]");
        }

        return errors;
    }

    /// <summary>
    /// Problems with a case's own assertions, including those that need something from the case
    /// (an <c>f1</c> without a value needs the case's <c>expected</c>).
    /// </summary>
    public static IReadOnlyList<InputError> Validate(EvalCase evalCase)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        var errors = new List<InputError>();
        for (var i = 0; i < evalCase.Assertions.Count; i++)
        {
            var spec = evalCase.Assertions[i];
            Add(errors, spec, $"assert[{i}]");
            if (spec.Type == "f1" && spec.Value is null && evalCase.Expected is null)
            {
                errors.Add(Error(spec, $"assert[{i}].value", "f1 needs a reference: give a value or the case's expected answer"));
            }
        }

        return errors;
    }

    private static void Add(List<InputError> errors, AssertionSpec spec, string field, bool checkValue = true)
    {
        if (!Catalog.TryGet(spec.Type, out var evaluator))
        {
            // A type promptfoo documents but Evolve does not score yet is no error: it scores as one.
            if (!AssertionTypes.Unsupported.ContainsKey(spec.Type))
            {
                errors.Add(Error(spec, field + ".type", $"unknown assertion type \"{spec.Type}\"; known types: {string.Join(", ", AssertionTypes.All.Order(StringComparer.Ordinal))}"));
            }

            return;
        }

        if (!double.IsFinite(spec.Weight) || spec.Weight < 0)
        {
            errors.Add(Error(spec, field + ".weight", $"weight must be 0 or more, not {spec.Weight}"));
        }

        if (spec.Threshold is { } threshold && !double.IsFinite(threshold))
        {
            errors.Add(Error(spec, field + ".threshold", $"threshold must be a finite number, not {threshold}"));
        }
        else if (spec.Threshold is { } t && AssertionReader.ThresholdProblem(spec.Type, t) is { } range)
        {
            errors.Add(Error(spec, field + ".threshold", range));
        }
        else if (checkValue && evaluator.Validate(spec) is { } problem)
        {
            errors.Add(Error(spec, $"{field}.{problem.Field}", problem.Message));
        }
    }

    private static InputError Error(AssertionSpec spec, string field, string message) =>
        new(spec.Source.File, spec.Source.Line > 0 ? spec.Source.Line : null, field, message);
}
