using Evolve.Kernel.Diffs;

namespace Evolve.Kernel.Tests.Diffs;

public sealed class LineDiffTests
{
    [Fact]
    public void Compare_ReplacedLine_DeletionBeforeInsertionWithTheirNumbers()
    {
        var lines = LineDiff.Compare("keep\nold\nkeep too\n", "keep\nnew\nkeep too\n");

        Assert.Equal(
            [
                new DiffLine(DiffChange.Unchanged, 1, 1, "keep"),
                new DiffLine(DiffChange.Deleted, 2, null, "old"),
                new DiffLine(DiffChange.Inserted, null, 2, "new"),
                new DiffLine(DiffChange.Unchanged, 3, 3, "keep too"),
            ],
            lines);
    }

    [Fact]
    public void Compare_CrlfCrAndLf_SameLines()
    {
        var lines = LineDiff.Compare("one\r\ntwo\rthree\r\n", "one\ntwo\nthree");

        Assert.All(lines, l => Assert.Equal(DiffChange.Unchanged, l.Change));
        Assert.Equal(["one", "two", "three"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Split_EmptyAndFinalNewline_NoExtraLines()
    {
        Assert.Empty(LineDiff.Split(string.Empty));
        Assert.Equal(["a", string.Empty], LineDiff.Split("a\n\n"));
        Assert.Equal(["a", "b"], LineDiff.Split("a\r\nb"));
    }

    [Fact]
    public void CompareWords_OneWordChanged_DeletedThenInsertedBetweenUnchanged()
    {
        var pieces = LineDiff.CompareWords("Answer briefly now.", "Answer carefully now.");

        Assert.Equal(
            [
                new DiffPiece(DiffChange.Unchanged, "Answer "),
                new DiffPiece(DiffChange.Deleted, "briefly"),
                new DiffPiece(DiffChange.Inserted, "carefully"),
                new DiffPiece(DiffChange.Unchanged, " now."),
            ],
            pieces);
    }

    [Fact]
    public void CompareWords_AdjacentWordsAdded_MergedIntoOnePiece()
    {
        var pieces = LineDiff.CompareWords("Answer.", "Answer very carefully.");

        Assert.Equal(" very carefully", Assert.Single(pieces, p => p.Change == DiffChange.Inserted).Text);
        Assert.Equal("Answer very carefully.", string.Concat(pieces.Where(p => p.Change != DiffChange.Deleted).Select(p => p.Text)));
    }

    [Fact]
    public void Hunks_EmptyBefore_ZeroOldRange()
    {
        var hunk = Assert.Single(LineDiff.Hunks(LineDiff.Compare(string.Empty, "first\nsecond\n")));

        Assert.Equal((0, 0, 1, 2), (hunk.OldStart, hunk.OldCount, hunk.NewStart, hunk.NewCount));
    }

    [Fact]
    public void Unified_ChangesFarApart_SeparateHunksWithThreeLinesOfContext()
    {
        var old = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        var updated = old.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 18\n", "line eighteen\n", StringComparison.Ordinal) + "line 21\n";

        var text = LineDiff.Unified(LineDiff.Hunks(LineDiff.Compare(old, updated)), "a", "b", HunkRanges.Counted);

        Assert.Equal(
            """
            --- a
            +++ b
            @@ -1,5 +1,5 @@
             line 1
            -line 2
            +line two
             line 3
             line 4
             line 5
            @@ -15,6 +15,7 @@
             line 15
             line 16
             line 17
            -line 18
            +line eighteen
             line 19
             line 20
            +line 21

            """,
            text);
    }

    [Fact]
    public void Unified_ShortRanges_LeavesOutCountsOfOne()
    {
        var text = LineDiff.Unified(LineDiff.Hunks(LineDiff.Compare("old\n", "new\n")), "a", "b");

        Assert.Equal("--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n", text);
    }

    [Fact]
    public void Unified_InterleavedHunk_RemovalsBeforeAdditions()
    {
        DiffLine[] lines =
        [
            new(DiffChange.Deleted, 1, null, "a"),
            new(DiffChange.Inserted, null, 1, "A"),
            new(DiffChange.Deleted, 2, null, "b"),
            new(DiffChange.Inserted, null, 2, "B"),
        ];

        var text = LineDiff.Unified([new DiffHunk(1, 2, 1, 2, lines)], "x", "y");

        Assert.Equal("--- x\n+++ y\n@@ -1,2 +1,2 @@\n-a\n-b\n+A\n+B\n", text);
    }

    [Fact]
    public void Unified_NoHunks_Empty()
    {
        Assert.Equal(string.Empty, LineDiff.Unified(LineDiff.Hunks(LineDiff.Compare("x\ny", "x\ny\n")), "a", "b"));
    }
}
