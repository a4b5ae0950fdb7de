namespace Evolve.Core.Suites;

/// <summary>
/// Validates a <see cref="RawCase"/> and turns it into an <see cref="EvalCase"/>. Every problem is
/// reported with the case's file, the field's line and the field name; a case with problems is
/// dropped (the load fails anyway) so that later checks do not repeat them.
/// </summary>
internal sealed class CaseBuilder(ErrorSink errors)
{
    /// <summary>The fields a case may have.</summary>
    public static readonly string[] KnownFields =
        ["id", "description", "vars", "expected", "assert", "split", "tags", "hints", "difficulty", "threshold", "metadata"];

    private readonly AssertionReader _assertions = new(errors);

    public EvalCase? Build(RawCase raw)
    {
        var before = errors.Errors.Count;
        var file = raw.Source.File;
        RawField? Field(string name) => raw.Fields.GetValueOrDefault(name);
        void Fail(string field, string message) => errors.Add(file, Field(field)?.Line ?? raw.Source.Line, raw.NameOf(field), message);

        foreach (var name in raw.Fields.Keys.Where(k => !KnownFields.Contains(k)))
        {
            errors.Add(file, raw.Fields[name].Line, name,
                $"unknown field '{name}'{NameSuggestion.DidYouMean(name, KnownFields)}; known fields: {string.Join(", ", KnownFields)}");
        }

        var id = raw.DefaultId;
        if (Field("id") is { Value: var idValue })
        {
            if (ValueText.AsText(idValue) is { } text && text.Trim().Length > 0)
            {
                id = text.Trim();
            }
            else
            {
                Fail("id", $"id must be non-empty text, not {ValueText.Describe(idValue)}");
            }
        }

        var vars = Map(Field("vars"), "vars", Fail);
        var metadata = Map(Field("metadata"), "metadata", Fail);
        var tags = TextList(Field("tags"), "tags", Fail);
        var hints = TextList(Field("hints"), "hints", Fail);
        var assertions = Assertions(Field("assert"), file);
        var split = Field("split") is { Value: { } splitValue } ? SplitName(splitValue, Fail) : null;
        var difficulty = Field("difficulty") is { Value: { } d } ? UnitNumber(d, "difficulty", "difficulty", Fail) : 0.5;
        var threshold = Field("threshold") is { Value: { } t } ? UnitNumber(t, "threshold", "threshold", Fail) : null;

        if (errors.Errors.Count > before)
        {
            return null;
        }

        return new EvalCase
        {
            Id = id,
            Description = ValueText.AsTextOrJson(Field("description")?.Value),
            Vars = vars,
            Expected = ValueText.AsTextOrJson(Field("expected")?.Value),
            Assertions = assertions,
            Split = split,
            Tags = tags,
            Hints = hints,
            Difficulty = difficulty ?? 0.5,
            Threshold = threshold,
            Metadata = metadata,
            Source = raw.Source,
        };
    }

    /// <summary>Parses a split name (train, val or holdout; case-insensitive).</summary>
    public static Split? SplitName(object value, Action<string, string> fail)
    {
        var text = ValueText.AsText(value)?.Trim().ToLowerInvariant();
        switch (text)
        {
            case "train":
                return Split.Train;
            case "val" or "validation":
                return Split.Val;
            case "holdout":
                return Split.Holdout;
            default:
                fail("split", $"unknown split '{ValueText.AsTextOrJson(value)}'; use train, val or holdout");
                return null;
        }
    }

    private static double? UnitNumber(object value, string field, string what, Action<string, string> fail)
    {
        if (ValueText.AsNumber(value) is { } number && number is >= 0 and <= 1)
        {
            return number;
        }

        fail(field, $"{what} must be a number between 0 and 1, not '{ValueText.AsTextOrJson(value)}'");
        return null;
    }

    private static IReadOnlyDictionary<string, object?> Map(RawField? field, string name, Action<string, string> fail)
    {
        switch (field?.Value)
        {
            case null:
                return new Dictionary<string, object?>();
            case IReadOnlyDictionary<string, object?> map:
                return map;
            case var other:
                fail(name, $"{name} must be a map of names to values, not {ValueText.Describe(other)}");
                return new Dictionary<string, object?>();
        }
    }

    private static IReadOnlyList<string> TextList(RawField? field, string name, Action<string, string> fail)
    {
        if (field?.Value is null)
        {
            return [];
        }

        if (ValueText.AsTextList(field.Value) is { } list)
        {
            return list;
        }

        fail(name, $"{name} must be a list of short texts");
        return [];
    }

    private List<AssertionSpec> Assertions(RawField? field, string file)
    {
        var result = new List<AssertionSpec>();
        List<object?> items = field?.Value switch
        {
            null => [],
            IEnumerable<object?> list => list.ToList(),
            var single => [single],
        };
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is AssertionSpec ready)
            {
                result.Add(ready);
            }
            else if (_assertions.Read(items[i], new SourceLocation(file, field!.LineOfItem(i)), $"assert[{i}]") is { } spec)
            {
                result.Add(spec);
            }
        }

        return result;
    }
}
