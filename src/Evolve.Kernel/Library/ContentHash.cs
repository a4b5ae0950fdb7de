using System.Security.Cryptography;
using System.Text;

namespace Evolve.Kernel.Library;

/// <summary>The hash of an artifact set.</summary>
public static class ContentHash
{
    /// <summary>
    /// SHA-256 over each (name NUL text NUL) pair in ordinal order of names. Evolve.Core's
    /// <c>Candidate.ComputeId</c> is this same function, so a version promoted from a run carries
    /// the candidate's id as its hash.
    /// </summary>
    public static string Compute(IReadOnlyDictionary<string, string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in files.Keys.Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(files[name]));
            sha.AppendData([0]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
