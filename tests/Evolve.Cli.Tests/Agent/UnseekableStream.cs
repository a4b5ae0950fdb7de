namespace Evolve.Cli.Tests.Agent;

/// <summary>A body of unknown length, so HttpClient sends it chunked (no Content-Length for the server to check first).</summary>
internal sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
