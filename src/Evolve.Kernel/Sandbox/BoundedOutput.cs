using System.Text;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Reads one output pipe to its end, keeping the first <c>limit</c> bytes. It keeps draining
/// after the limit so a flooding child blocks on nothing and the wall-time limit still applies.
/// </summary>
internal sealed class BoundedOutput
{
    private readonly byte[] _kept;
    private int _count;

    public BoundedOutput(int limit) => _kept = new byte[Math.Max(0, limit)];

    /// <summary>True when more bytes arrived than were kept.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Reads until end of stream, or until the stream is closed under it.</summary>
    public async Task DrainAsync(Stream stream)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }

                lock (_kept)
                {
                    var room = _kept.Length - _count;
                    Truncated |= read > room;
                    var take = Math.Min(room, read);
                    Array.Copy(buffer, 0, _kept, _count, take);
                    _count += take;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The pipe was closed because the run was abandoned; what was read so far stands.
        }
    }

    /// <summary>The kept bytes as UTF-8 (a character cut at the limit becomes U+FFFD).</summary>
    public string Text()
    {
        lock (_kept)
        {
            return Encoding.UTF8.GetString(_kept, 0, _count);
        }
    }
}
