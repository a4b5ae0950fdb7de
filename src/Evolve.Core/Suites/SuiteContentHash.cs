using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Evolve.Core.Suites;

/// <summary>
/// The SHA-256 of a suite's files: suite.yaml first, then the case files in ordinal order of their
/// '/'-separated relative paths; each file contributes its relative path, its length and its bytes,
/// so renaming, reordering or editing any file changes the hash and nothing else does.
/// </summary>
internal static class SuiteContentHash
{
    public static string Compute(byte[] suiteYaml, IEnumerable<(string RelativePath, byte[] Bytes)> caseFiles)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "suite.yaml", suiteYaml);
        foreach (var (path, bytes) in caseFiles.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            Append(hash, path, bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string path, byte[] bytes)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(path));
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
