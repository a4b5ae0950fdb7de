using Evolve.Core.Reports.Insights;

namespace Evolve.Core.Tests.Reports.Insights;

public sealed class PromptDiffTests
{
    [Fact]
    public void Compute_IdenticalTexts_IsIdenticalWithNoHunks()
    {
        var diff = PromptDiff.Compute("You are a coder.\nAnswer in Python.\n", "You are a coder.\nAnswer in Python.\n");

        Assert.True(diff.Identical);
        Assert.Empty(diff.Hunks);
        Assert.Equal((0, 0, 0), (diff.AddedLines, diff.RemovedLines, diff.ChangedLines));
        Assert.Equal(2, diff.Lines.Count);
        Assert.All(diff.Lines, l => Assert.Equal(PromptDiffChange.Unchanged, l.Change));
    }

    [Fact]
    public void Compute_PureInsertion_CountsAddedLineWithItsNewNumber()
    {
        var diff = PromptDiff.Compute("a\nb\nc\n", "a\nb\nCheck the empty list first.\nc\n");

        Assert.False(diff.Identical);
        Assert.Equal((1, 0, 0), (diff.AddedLines, diff.RemovedLines, diff.ChangedLines));
        var inserted = Assert.Single(diff.Lines, l => l.Change == PromptDiffChange.Inserted);
        Assert.Equal("Check the empty list first.", inserted.NewText);
        Assert.Equal(3, inserted.NewNumber);
        Assert.Null(inserted.OldNumber);
        var hunk = Assert.Single(diff.Hunks);
        Assert.Equal((1, 3, 1, 4), (hunk.OldStart, hunk.OldCount, hunk.NewStart, hunk.NewCount));
    }

    [Fact]
    public void Compute_Deletion_CountsRemovedLineWithItsOldNumber()
    {
        var diff = PromptDiff.Compute("keep\ndrop me\nkeep too", "keep\nkeep too");

        Assert.Equal((0, 1, 0), (diff.AddedLines, diff.RemovedLines, diff.ChangedLines));
        var deleted = Assert.Single(diff.Lines, l => l.Change == PromptDiffChange.Deleted);
        Assert.Equal(("drop me", 2), (deleted.OldText, deleted.OldNumber));
        Assert.Null(deleted.NewText);
    }

    [Fact]
    public void Compute_ChangedWordInLine_ModifiedLineWithWordSegments()
    {
        var diff = PromptDiff.Compute("Think step by step.\nAnswer briefly.", "Think step by step.\nAnswer carefully.");

        Assert.Equal((0, 0, 1), (diff.AddedLines, diff.RemovedLines, diff.ChangedLines));
        var line = Assert.Single(diff.Lines, l => l.Change == PromptDiffChange.Modified);
        Assert.Equal((2, 2), (line.OldNumber, line.NewNumber));
        Assert.Equal(("Answer briefly.", "Answer carefully."), (line.OldText, line.NewText));
        Assert.Equal("briefly", Joined(PromptDiffChange.Deleted));
        Assert.Equal("carefully", Joined(PromptDiffChange.Inserted));
        // The segments rebuild both lines exactly.
        Assert.Equal(line.OldText, string.Concat(line.Segments.Where(s => s.Change != PromptDiffChange.Inserted).Select(s => s.Text)));
        Assert.Equal(line.NewText, string.Concat(line.Segments.Where(s => s.Change != PromptDiffChange.Deleted).Select(s => s.Text)));

        string Joined(PromptDiffChange change) =>
            string.Concat(line.Segments.Where(s => s.Change == change).Select(s => s.Text)).Trim();
    }

    [Fact]
    public void Compute_LineRewrittenCompletely_DeletedAndInsertedNotModified()
    {
        var diff = PromptDiff.Compute("alpha beta\nsame", "gamma delta\nsame");

        Assert.Equal((1, 1, 0), (diff.AddedLines, diff.RemovedLines, diff.ChangedLines));
    }

    [Fact]
    public void Compute_CrlfVersusLf_Identical()
    {
        var diff = PromptDiff.Compute("line one\r\nline two\r\n", "line one\nline two");

        Assert.True(diff.Identical);
        Assert.Equal(["line one", "line two"], diff.Lines.Select(l => l.NewText));
    }

    [Fact]
    public void Compute_EmptyBefore_EveryLineAdded()
    {
        var diff = PromptDiff.Compute(string.Empty, "first\nsecond\n");

        Assert.Equal((2, 0, 0), (diff.AddedLines, diff.RemovedLines, diff.ChangedLines));
        var hunk = Assert.Single(diff.Hunks);
        Assert.Equal((0, 0, 1, 2), (hunk.OldStart, hunk.OldCount, hunk.NewStart, hunk.NewCount));
    }

    [Fact]
    public void Compute_ChangesFarApart_TwoHunksWithContext()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var after = before.Replace("line 2\n", "line 2 changed\n", StringComparison.Ordinal)
            .Replace("line 18\n", "line 18 changed\n", StringComparison.Ordinal);

        var diff = PromptDiff.Compute(before, after);

        Assert.Equal(2, diff.ChangedLines);
        Assert.Equal(2, diff.Hunks.Count);
        Assert.Equal((1, 5), (diff.Hunks[0].OldStart, diff.Hunks[0].OldCount));
        // Line 18 changed: context 15-21 is cut at the last line, 20.
        Assert.Equal((15, 6), (diff.Hunks[1].OldStart, diff.Hunks[1].OldCount));
    }
}
