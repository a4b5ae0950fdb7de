using Evolve.Core.Scoring;

namespace Evolve.Core.Suites;

/// <summary>
/// Reads one assertion from its written form: a map <c>{type, value, threshold, weight, metric}</c>,
/// a one-key map <c>{contains: foo}</c>, or the string shorthand <c>type:value</c>. Problems go to
/// the error sink, naming the field (for example <c>assert[1].threshold</c>).
/// </summary>
internal sealed class AssertionReader(ErrorSink errors)
{
    /// <summary>The fields an assertion map may have.</summary>
    public static readonly string[] Keys = ["type", "value", "threshold", "weight", "metric", "assert", "transform"];

    public AssertionSpec? Read(object? written, SourceLocation at, string field)
    {
        switch (written)
        {
            case string shorthand:
                var colon = shorthand.IndexOf(':', StringComparison.Ordinal);
                return colon < 0
                    ? Build(shorthand, null, null, 1, null, at, field)
                    : Build(shorthand[..colon], shorthand[(colon + 1)..].TrimStart(' '), null, 1, null, at, field);
            case IReadOnlyDictionary<string, object?> map when !map.ContainsKey("type") && map.Count == 1
                && AssertionTypeName.IsRecognised(map.Keys.First()):
                var (key, value) = map.First();
                return Build(key, value, null, 1, null, at, field);
            case IReadOnlyDictionary<string, object?> map:
                return ReadMap(map, at, field);
            default:
                errors.Add(at, field, $"an assertion must be a map with 'type' (or the text 'type:value'), not {ValueText.Describe(written)}");
                return null;
        }
    }

    private AssertionSpec? ReadMap(IReadOnlyDictionary<string, object?> map, SourceLocation at, string field)
    {
        var ok = true;
        foreach (var key in map.Keys.Where(k => !Keys.Contains(k)))
        {
            errors.Add(at, $"{field}.{key}", $"unknown assertion field '{key}'{NameSuggestion.DidYouMean(key, Keys)}; known fields: {string.Join(", ", Keys)}");
            ok = false;
        }

        if (ValueText.AsText(map.GetValueOrDefault("type")) is not { Length: > 0 } type)
        {
            errors.Add(at, $"{field}.type", "an assertion needs a type");
            return null;
        }

        double? threshold = null;
        if (map.GetValueOrDefault("threshold") is { } rawThreshold)
        {
            threshold = ValueText.AsNumber(rawThreshold);
            if (threshold is null)
            {
                errors.Add(at, $"{field}.threshold", $"threshold must be a number, not {ValueText.Describe(rawThreshold)}");
                ok = false;
            }
        }

        var weight = 1.0;
        if (map.GetValueOrDefault("weight") is { } rawWeight)
        {
            if (ValueText.AsNumber(rawWeight) is not { } number || number < 0 || double.IsNaN(number) || double.IsInfinity(number))
            {
                errors.Add(at, $"{field}.weight", $"weight must be a number of at least 0, not '{ValueText.AsTextOrJson(rawWeight)}'");
                ok = false;
            }
            else
            {
                weight = number;
            }
        }

        var metric = ValueText.AsText(map.GetValueOrDefault("metric"));
        var value = map.GetValueOrDefault("value");
        if (map.TryGetValue("assert", out var members))
        {
            // assert-set's members are assertions themselves, read (and checked) like a case's.
            if (AssertionTypeName.Split(type).Type != "assert-set")
            {
                errors.Add(at, $"{field}.assert", "only an assert-set has an 'assert' list");
                return null;
            }

            if (members is not IReadOnlyList<object?> list)
            {
                errors.Add(at, $"{field}.assert", $"an assert-set's 'assert' must be a list of assertions, not {ValueText.Describe(members)}");
                return null;
            }

            var read = list.Select((m, i) => Read(m, at, $"{field}.assert[{i}]")).ToList();
            ok &= read.All(m => m is not null);
            value = read.OfType<AssertionSpec>().ToList();
        }

        var spec = Build(type, value, threshold, weight, metric, at, field);
        if (spec is not null && map.TryGetValue("transform", out var transform))
        {
            if (ValueText.AsText(transform) is not { Length: > 0 } code)
            {
                errors.Add(at, $"{field}.transform", $"a transform must be JavaScript text, not {ValueText.Describe(transform)}");
                return null;
            }

            try
            {
                _ = Scoring.Scripts.JavaScriptFunction.Inline(code);
            }
            catch (FormatException e)
            {
                errors.Add(at, $"{field}.transform", e.Message);
                return null;
            }

            spec = spec with { Transform = code };
        }

        return ok ? spec : null;
    }

    /// <summary>Checks the type, threshold and value, and builds the spec (null when something is wrong).</summary>
    public AssertionSpec? Build(string written, object? value, double? threshold, double weight, string? metric, SourceLocation at, string field)
    {
        var (type, negate) = AssertionTypeName.Split(written);
        if (AssertionTypeName.Problem(type, written.Trim()) is { } problem)
        {
            errors.Add(at, $"{field}.type", problem);
            return null;
        }

        // What the value, threshold and weight must be is AssertionSpecValidator's to say, in one place.
        var spec = new AssertionSpec(type, negate, value, threshold, weight, metric, at);
        if (AssertionTemplates.IsTemplated(spec))
        {
            return spec; // checked once rendered for each case (AssertionTemplates)
        }

        var problems = AssertionSpecValidator.ValidateScorable(spec, field);
        errors.AddRange(problems);
        return problems.Count == 0 ? spec : null;
    }

    /// <summary>
    /// Thresholds are scores in [0, 1], except a distance (levenshtein), tolerance (numeric),
    /// milliseconds (latency) or dollars (cost), which are at least 0.
    /// </summary>
    public static string? ThresholdProblem(string type, double threshold)
    {
        if (type is "latency" or "cost")
        {
            return threshold >= 0 && double.IsFinite(threshold)
                ? null
                : $"threshold of {type} is the most {(type == "latency" ? "milliseconds" : "US dollars")} allowed and must be at least 0, not {threshold}";
        }

        if (type is "levenshtein" or "numeric" or "perplexity")
        {
            return threshold >= 0 && !double.IsInfinity(threshold)
                ? null
                : $"threshold of {type} is a {(type == "numeric" ? "tolerance" : type == "perplexity" ? "highest perplexity" : "maximum distance")} and must be at least 0, not {threshold}";
        }

        if (type is "javascript" or "max-score")
        {
            return double.IsFinite(threshold) ? null : $"threshold of {type} must be a finite number, not {threshold}";
        }

        return threshold is >= 0 and <= 1 ? null : $"threshold must be between 0 and 1, not {threshold}";
    }
}
