using System.Text;
using System.Text.Json;

namespace Evolve.Core.Scoring.Text;

/// <summary>Finds JSON objects and arrays in free text.</summary>
internal static class JsonLocator
{
    // Prose full of braces would otherwise cost one parse attempt per brace.
    private const int MaxAttempts = 64;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// The first complete JSON object or array in <paramref name="text"/>, as its own text, or null.
    /// </summary>
    public static string? FindFirst(string text)
    {
        var first = text.AsSpan().IndexOfAny('{', '[');
        if (first < 0)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var attempts = 0;
        for (var i = 0; i < bytes.Length && attempts < MaxAttempts; i++)
        {
            if (bytes[i] is not ((byte)'{' or (byte)'['))
            {
                continue;
            }

            attempts++;
            var length = MeasureValue(bytes.AsSpan(i));
            if (length > 0)
            {
                return Encoding.UTF8.GetString(bytes, i, length);
            }
        }

        return null;
    }

    /// <summary>Parses the whole of <paramref name="text"/> as one JSON value, or explains why not.</summary>
    public static JsonDocument? TryParseWhole(string text, out string? error)
    {
        try
        {
            error = null;
            return JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static int MeasureValue(ReadOnlySpan<byte> span)
    {
        var reader = new Utf8JsonReader(span, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        try
        {
            // Skip walks to the end of the object or array and throws if it is malformed or cut off.
            return reader.Read() && reader.TrySkip() ? (int)reader.BytesConsumed : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
