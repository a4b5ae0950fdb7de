namespace Evolve.Core.Gepa;

/// <summary>
/// Derives a <see cref="Random"/> seed from several integers, the same in every process.
/// (<see cref="HashCode.Combine{T1, T2}"/> is salted per process, so a resumed run would draw differently.)
/// </summary>
internal static class StableSeed
{
    public static int Of(params int[] parts)
    {
        // SplitMix64 over the parts: cheap, well mixed, fixed forever.
        var x = 0x9E3779B97F4A7C15UL;
        foreach (var part in parts)
        {
            x += unchecked((ulong)(uint)part) + 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
        }

        return unchecked((int)x);
    }
}
