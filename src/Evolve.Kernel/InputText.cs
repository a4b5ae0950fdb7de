using System.Text;

namespace Evolve.Kernel;

/// <summary>
/// Decodes the text files a user writes (suites, case files, templates, agent.yaml). UTF-8 unless
/// a byte-order mark says UTF-16 or UTF-32; bytes that are not valid in that encoding are an
/// error naming the line, never replacement characters scored as if the user had written them.
/// </summary>
public static class InputText
{
    private static readonly (byte[] Mark, Encoding Encoding)[] Marks =
    [
        ([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true)),
        ([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true)),
        ([0xEF, 0xBB, 0xBF], new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)),
        ([0xFF, 0xFE], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)),
        ([0xFE, 0xFF], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true)),
    ];

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and decodes the file at <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The file holds bytes that are not text in its encoding.</exception>
    public static string Read(string path) => Decode(File.ReadAllBytes(path), path);

    /// <summary>Decodes <paramref name="bytes"/> read from <paramref name="path"/> (named in the error).</summary>
    /// <exception cref="InputException">The bytes are not text in their encoding.</exception>
    public static string Decode(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (skip, encoding) = Marks.Where(m => bytes.AsSpan().StartsWith(m.Mark)).Select(m => (m.Mark.Length, m.Encoding)).FirstOrDefault((0, Utf8));
        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            var at = skip + Math.Max(0, e.Index);
            var line = 1 + bytes.AsSpan(0, Math.Min(at, bytes.Length)).Count((byte)'\n');
            var what = encoding is UTF8Encoding ? "UTF-8" : encoding.WebName.ToUpperInvariant();
            throw new InputException(path, line, null, $"the file is not valid {what} text (bad byte at offset {at}); save it as UTF-8");
        }
    }
}
