using System.Text;
using System.Text.RegularExpressions;

namespace Evolve.Kernel.Agents.Safety;

/// <summary>A compiled rule glob: <c>*</c> any run of characters, <c>?</c> one character, the rest literal.</summary>
internal sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        _regex = new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    public bool IsMatch(string text) => _regex.IsMatch(text);
}
