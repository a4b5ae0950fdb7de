using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Process-independent hashing for the simulator's draws. <see cref="string.GetHashCode()"/> is
/// randomized per process, so every draw goes through SHA-256 instead: same inputs, same answer,
/// on any machine and at any concurrency.
/// </summary>
internal static class StableHash
{
    /// <summary>A 64-bit digest of a string (UTF-8, SHA-256, first eight bytes).</summary>
    public static ulong Of(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = max <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        Span<byte> buffer = rented ?? stackalloc byte[1024];
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], hash);
            return BinaryPrimitives.ReadUInt64LittleEndian(hash);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Mixes a few 64-bit values and a string into one digest.</summary>
    public static ulong Combine(ulong a, ulong b, ulong c, string text) =>
        Combine(a, b, c, Of(text));

    /// <summary>Mixes four 64-bit values into one digest.</summary>
    public static ulong Combine(ulong a, ulong b, ulong c, ulong d)
    {
        Span<byte> input = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(input, a);
        BinaryPrimitives.WriteUInt64LittleEndian(input[8..], b);
        BinaryPrimitives.WriteUInt64LittleEndian(input[16..], c);
        BinaryPrimitives.WriteUInt64LittleEndian(input[24..], d);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <summary>Maps a digest to a uniform number in [0, 1) using its top 53 bits.</summary>
    public static double ToUnit(ulong digest) => (digest >> 11) * (1.0 / (1UL << 53));

    /// <summary>A second, independent-looking number from the same digest, for secondary choices.</summary>
    public static ulong Derive(ulong digest, ulong salt) => Combine(digest, salt, 0x9E3779B97F4A7C15UL, 0UL);
}
