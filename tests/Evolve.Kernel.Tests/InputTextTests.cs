using System.Text;

namespace Evolve.Kernel.Tests;

public sealed class InputTextTests
{
    [Fact]
    public void Decode_InvalidUtf8_NamesTheLineOfTheBadByte()
    {
        byte[] bytes = [.. "one\ntwo\nth"u8, 0xC3, 0x28, .. "ree\n"u8];

        var error = Assert.Single(Assert.Throws<InputException>(() => InputText.Decode(bytes, "t.sbn")).Errors);

        Assert.Equal(("t.sbn", (int?)3), (error.File, error.Line));
        Assert.Equal("the file is not valid UTF-8 text (bad byte at offset 10); save it as UTF-8", error.Message);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-32")]
    public void Decode_ByteOrderMark_PicksTheEncodingAndDropsTheMark(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("caf\u00e9\n")];

        Assert.Equal("caf\u00e9\n", InputText.Decode(bytes, "t.sbn"));
    }
}
