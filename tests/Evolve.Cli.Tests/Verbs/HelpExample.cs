using System.CommandLine;
using System.Text;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>Reads the "Examples:" lines out of the command tree's descriptions and checks what they name.</summary>
internal static class HelpExample
{
    private static readonly string[] AgentVerbs = ["agent run", "agent chat", "agent serve", "deploy", "rollback"];

    public static IEnumerable<string> All(Command command)
    {
        foreach (var line in (command.Description ?? "").Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("evolve ", StringComparison.Ordinal))
            {
                yield return line;
            }
        }

        foreach (var line in command.Subcommands.SelectMany(All))
        {
            yield return line;
        }
    }

    /// <summary>Splits like a shell: double quotes group, and a redirection ends the command.</summary>
    public static string[] Tokens(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        var redirect = tokens.IndexOf(">");
        return [.. redirect < 0 ? tokens : tokens.Take(redirect)];

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>Suites, agents and input files the example names that do not ship in <paramref name="root"/>.</summary>
    public static IEnumerable<string> MissingNames(string[] tokens, string root)
    {
        for (var i = 1; i < tokens.Length - 1; i++)
        {
            if (tokens[i] is "--suite" or "-s" && !Directory.Exists(Path.Combine(root, "evals", tokens[i + 1])))
            {
                yield return $"suite '{tokens[i + 1]}' does not ship";
            }

            if (tokens[i] is "--prompt" or "-p" && !File.Exists(Path.Combine(root, tokens[i + 1])))
            {
                yield return $"prompt file '{tokens[i + 1]}' does not ship";
            }
        }

        var verb = string.Join(' ', tokens.Skip(1).Take(2));
        var agentAt = AgentVerbs.FirstOrDefault(v => verb == v || tokens[1] == v) is { } v2 ? v2.Split(' ').Length + 1 : -1;
        if (agentAt > 0 && agentAt < tokens.Length)
        {
            var agent = tokens[agentAt].Split('@')[0];
            if (!Directory.Exists(Path.Combine(root, "prompts", agent)))
            {
                yield return $"agent '{agent}' does not ship";
            }
        }

        // `suite import KIND SOURCE`: the source is an input file the example reads.
        if (verb == "suite import" && tokens.Length > 4 && !File.Exists(Path.Combine(root, tokens[4])))
        {
            yield return $"input file '{tokens[4]}' does not ship";
        }

        foreach (var file in tokens.Skip(1).Where(t => t.EndsWith(".sbn", StringComparison.Ordinal) && !t.StartsWith('-')))
        {
            if (!File.Exists(Path.Combine(root, file)))
            {
                yield return $"file '{file}' does not ship";
            }
        }
    }
}
