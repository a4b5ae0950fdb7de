using System.Text.RegularExpressions;

namespace Evolve.Kernel.Agents.Safety;

/// <summary>
/// Strips the programs that only run another program (sudo, env, timeout, nice, nohup, xargs ...)
/// and leading variable assignments, so rules and the blocklist see the command that really runs.
/// Shells given a script (<c>sh -c '...'</c>, <c>eval</c>, <c>env -S</c>) hand back the script
/// to be parsed in turn.
/// </summary>
internal static partial class CommandUnwrapper
{
    private static readonly HashSet<string> Keywords = ["{", "}", "!", "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "time", "exec", "command", "builtin", "nohup", "setsid", "busybox"];
    private static readonly HashSet<string> Shells = ["sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "fish", "rbash"];
    private static readonly HashSet<string> SudoValued = ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--chdir", "--host", "--prompt", "--role", "--type", "--other-user", "--command-timeout", "--close-from"];
    private static readonly HashSet<string> EnvValued = ["-u", "--unset", "-C", "--chdir"];
    private static readonly HashSet<string> TimeoutValued = ["-s", "-k", "--signal", "--kill-after"];
    private static readonly HashSet<string> NiceValued = ["-n", "--adjustment", "-c", "--class", "-p", "--pid", "-P", "--pgid", "-u", "--uid"];
    private static readonly HashSet<string> XargsValued = ["-I", "-i", "-n", "-P", "-L", "-l", "-d", "-E", "-e", "-s", "-a", "--max-args", "--max-procs", "--delimiter", "--arg-file", "--max-lines"];
    private static readonly HashSet<string> StdbufValued = ["-i", "-o", "-e"];

    /// <summary>The command that really runs, or the script a shell wrapper runs.</summary>
    public static (IReadOnlyList<string> Command, string? Script) Unwrap(IReadOnlyList<string> args)
    {
        var i = 0;
        while (i < args.Count)
        {
            var word = args[i];
            var name = SimpleCommand.NameOf(word);
            if (Assignment().IsMatch(word) || Keywords.Contains(word))
            {
                i++;
                continue;
            }

            switch (name)
            {
                case "su":
                    var command = args.Skip(i + 1).ToList();
                    var flag = command.FindIndex(a => a is "-c" or "--command");
                    return flag >= 0 && flag + 1 < command.Count ? ([], command[flag + 1]) : ([.. args.Skip(i)], null);
                case "sudo" or "doas":
                    i = SkipOptions(args, i + 1, SudoValued);
                    continue;
                case "env":
                    i++;
                    while (i < args.Count && (args[i].StartsWith('-') || Assignment().IsMatch(args[i])))
                    {
                        var option = args[i];
                        if (option == "--")
                        {
                            i++;
                            break;
                        }

                        if (option is "-S" or "--split-string")
                        {
                            return ([], string.Join(' ', args.Skip(i + 1)));
                        }

                        if (option.StartsWith("-S", StringComparison.Ordinal) || option.StartsWith("--split-string=", StringComparison.Ordinal))
                        {
                            var inline = option.StartsWith("-S", StringComparison.Ordinal) ? option[2..] : option[15..];
                            return ([], string.Join(' ', args.Skip(i + 1).Prepend(inline)));
                        }

                        i += EnvValued.Contains(option) ? 2 : 1;
                    }

                    continue;
                case "timeout":
                    i = SkipOptions(args, i + 1, TimeoutValued) + 1;
                    continue;
                case "nice" or "ionice" or "renice" or "chrt" or "taskset":
                    i = SkipOptions(args, i + 1, NiceValued);

                    // chrt and taskset take a priority or mask before the command.
                    if (name is "chrt" or "taskset")
                    {
                        i++;
                    }

                    continue;
                case "xargs":
                    i = SkipOptions(args, i + 1, XargsValued);
                    continue;
                case "stdbuf":
                    i = SkipOptions(args, i + 1, StdbufValued);
                    continue;
                case "eval":
                    return ([], string.Join(' ', args.Skip(i + 1)));
                default:
                    if (Shells.Contains(name) && ShellScript(args, i) is { } script)
                    {
                        return ([], script);
                    }

                    return ([.. args.Skip(i)], null);
            }
        }

        return ([], null);
    }

    private static int SkipOptions(IReadOnlyList<string> args, int i, HashSet<string> valued)
    {
        while (i < args.Count && args[i].StartsWith('-') && args[i].Length > 1)
        {
            if (args[i] == "--")
            {
                return i + 1;
            }

            i += valued.Contains(args[i]) ? 2 : 1;
        }

        return i;
    }

    /// <summary>The script of <c>sh [options] -c SCRIPT</c> (also -lc, -ec, -o opt -c), or null when the shell runs a file or stdin.</summary>
    private static string? ShellScript(IReadOnlyList<string> args, int shell)
    {
        var hasScriptFlag = false;
        var j = shell + 1;
        while (j < args.Count && args[j].Length > 1 && (args[j][0] == '-' || args[j][0] == '+') && args[j] != "--")
        {
            var option = args[j];
            if (option is "-o" or "+o" or "-O" or "+O" or "--rcfile" or "--init-file")
            {
                j += 2;
                continue;
            }

            if (!option.StartsWith("--", StringComparison.Ordinal) && option.Contains('c', StringComparison.Ordinal))
            {
                hasScriptFlag = true;
            }

            j++;
        }

        if (j < args.Count && args[j] == "--")
        {
            j++;
        }

        return hasScriptFlag && j < args.Count ? args[j] : null;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\+?=")]
    private static partial Regex Assignment();
}
