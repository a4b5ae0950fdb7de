namespace Evolve.Kernel.Agents.Safety;

/// <summary>One command of a shell line: its words with quotes removed, and where its output is redirected.</summary>
internal sealed record SimpleCommand(IReadOnlyList<string> Args, IReadOnlyList<string> OutputTargets)
{
    /// <summary>The program's file name (<c>/usr/bin/rm</c> → <c>rm</c>), or "" for a bare redirect.</summary>
    public string Name => Args.Count == 0 ? "" : NameOf(Args[0]);

    public string Text => string.Join(' ', Args);

    public static string NameOf(string word)
    {
        var slash = word.LastIndexOf('/');
        return slash >= 0 ? word[(slash + 1)..] : word;
    }
}
