using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// Replaces one knob's <c>value</c> scalar where it stands in the heuristics file, so the file keeps
/// its layout, alignment, quoting of the other fields and comments, and a diff shows only the knob
/// that changed.
/// </summary>
internal static class HeuristicsTextEdit
{
    /// <summary>The text with <paramref name="knob"/>'s value replaced by <paramref name="value"/>; null when that value scalar is not in the text.</summary>
    public static string? SetValue(string text, string knob, string value)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            parser.Consume<DocumentStart>();
            parser.Consume<MappingStart>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var name = parser.Consume<Scalar>().Value;
                if (name == knob && parser.TryConsume<MappingStart>(out _))
                {
                    return Find(parser) is { } scalar
                        ? string.Concat(text.AsSpan(0, (int)scalar.Start.Index), value, text.AsSpan((int)scalar.End.Index))
                        : null;
                }

                parser.SkipThisAndNestedEvents();
            }
        }
        catch (YamlException)
        {
            // Heuristics.Parse has read this text already; anything it took but this walk does not gets the canonical form.
        }

        return null;
    }

    /// <summary>The <c>value</c> scalar among the knob's fields.</summary>
    private static Scalar? Find(Parser parser)
    {
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var field = parser.Consume<Scalar>().Value;
            if (field == "value" && parser.TryConsume<Scalar>(out var scalar))
            {
                return scalar;
            }

            parser.SkipThisAndNestedEvents();
        }

        return null;
    }
}
