using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Evolve.Kernel.Library;

/// <summary>Picks canary sessions by a hash of the session id that is the same in every process.</summary>
internal static class CanaryRouter
{
    /// <summary>
    /// True when the session falls in the canary share. string.GetHashCode is randomized per
    /// process, so a session would flip between versions across restarts; SHA-256 does not.
    /// </summary>
    public static bool PicksCanary(string sessionId, double share)
    {
        if (share <= 0)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sessionId), digest);
        var bucket = BinaryPrimitives.ReadUInt64BigEndian(digest) / (double)ulong.MaxValue;
        return bucket < share;
    }
}
