using Evolve.Kernel.Agents.Safety;

namespace Evolve.Kernel.Tests.Agents.Safety;

public sealed class CommandAnalysisTests
{
    [Theory]
    [InlineData("sudo -u root env -i A=1 timeout -s KILL 10 nice -n 5 bash -lc \"git  push  origin\"", "git push origin")]
    [InlineData("FOO=1 BAR=2 nohup python3 app.py", "python3 app.py")]
    [InlineData("xargs -n 1 rm", "rm")]
    [InlineData("'g'\"i\"t status", "git status")]
    [InlineData("echo \"a b\"  'c  d'", "echo a b c  d")]
    public void Expand_Wrappers_AreRemoved(string line, string expected)
    {
        var commands = CommandAnalysis.Expand(line).SelectMany(p => p).Select(c => c.Text);

        Assert.Equal([expected], commands);
    }

    [Fact]
    public void Expand_PipelinesAndSubstitutions_AreAllFound()
    {
        var pipelines = CommandAnalysis.Expand("cat a | grep b && echo $(date) > out.txt; ls");

        Assert.Equal(["cat a|grep b", "echo $(date)", "ls", "date"], pipelines.Select(p => string.Join('|', p.Select(c => c.Text))));
        Assert.Equal(["out.txt"], pipelines[1][0].OutputTargets);
    }

    [Theory]
    [InlineData("echo 'unterminated")]
    [InlineData("echo \"unterminated")]
    [InlineData("echo $(date")]
    [InlineData("echo `date")]
    public void Expand_Unbalanced_ThrowsFormatException(string line)
    {
        Assert.Throws<FormatException>(() => CommandAnalysis.Expand(line));
    }

    [Fact]
    public void Expand_NestedTooDeep_ThrowsFormatException()
    {
        var line = "ls";
        for (var i = 0; i < 12; i++)
        {
            line = "eval " + line;
        }

        var error = Assert.Throws<FormatException>(() => CommandAnalysis.Expand(line));

        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }
}
