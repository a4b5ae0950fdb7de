using Evolve.Kernel.Diffs;

namespace Evolve.Kernel.Tests.Diffs;

public sealed class LineMergeTests
{
    private const string Base = "You are a Python programmer.\nWrite the function.\nReply in a fenced block.";

    [Fact]
    public void Lines_appended_by_several_versions_are_all_kept_in_version_order()
    {
        var result = LineMerge.Combine(Base, [Base + "\n- check empty lists", Base + "\n- check negative numbers"]);

        Assert.Equal(Base + "\n- check empty lists\n- check negative numbers", result.Text);
        Assert.Equal((2, 0), (result.Taken, result.Dropped));
    }

    [Fact]
    public void Edits_of_different_lines_are_applied_together()
    {
        var a = "You are an expert Python programmer.\nWrite the function.\nReply in a fenced block.";
        var b = "You are a Python programmer.\nWrite the function.\nReply in a ```python fenced block.";

        var result = LineMerge.Combine(Base, [a, b]);

        Assert.Equal("You are an expert Python programmer.\nWrite the function.\nReply in a ```python fenced block.", result.Text);
    }

    [Fact]
    public void A_second_change_of_the_same_line_is_a_conflict_and_the_first_version_wins()
    {
        var first = Base.Replace("Write the function.", "Write the whole function.", StringComparison.Ordinal);
        var second = Base.Replace("Write the function.", "Write only the function.", StringComparison.Ordinal) + "\n- test it";

        var result = LineMerge.Combine(Base, [first, second]);

        Assert.Equal(first + "\n- test it", result.Text);
        Assert.Equal((2, 1), (result.Taken, result.Dropped));
    }

    [Fact]
    public void The_same_edit_made_twice_is_applied_once()
    {
        var result = LineMerge.Combine(Base, [Base + "\n- check empty lists", Base + "\n- check empty lists\n- check zero"]);

        Assert.Equal(Base + "\n- check empty lists\n- check zero", result.Text);
    }

    [Fact]
    public void One_version_gives_itself_and_none_gives_the_base()
    {
        var a = "Write the function.\nReply in a fenced block.\n- edge cases";

        Assert.Equal(a, LineMerge.Combine(Base, [a]).Text);
        Assert.Equal(Base, LineMerge.Combine(Base, []).Text);
        Assert.Equal(0, LineMerge.Combine(Base, []).Taken);
    }

    [Fact]
    public void A_deleted_line_stays_deleted_while_another_version_appends()
    {
        var deleted = "You are a Python programmer.\nReply in a fenced block.";

        var result = LineMerge.Combine(Base, [deleted, Base + "\n- check zero"]);

        Assert.Equal(deleted + "\n- check zero", result.Text);
    }
}
