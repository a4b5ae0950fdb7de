using DiffPlex;

namespace Evolve.Kernel.Diffs;

/// <summary>Splits text into lines with <see cref="LineDiff.Split"/> for DiffPlex.</summary>
internal sealed class LineChunker : IChunker
{
    /// <summary>The one instance; the chunker has no state.</summary>
    public static readonly LineChunker Instance = new();

    /// <inheritdoc/>
    public IReadOnlyList<string> Chunk(string str) => LineDiff.Split(str);
}
