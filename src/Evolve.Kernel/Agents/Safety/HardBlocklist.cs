using System.Text.RegularExpressions;

namespace Evolve.Kernel.Agents.Safety;

/// <summary>
/// Commands refused whatever the rules say: they destroy the machine rather than the task
/// (recursive delete or permission change of /, fork bombs, formatting or overwriting disks,
/// running a script straight from the network).
/// </summary>
internal static partial class HardBlocklist
{
    private static readonly HashSet<string> SystemFolders = ["/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/opt", "/proc", "/root", "/sbin", "/srv", "/sys", "/usr", "/var"];
    private static readonly HashSet<string> Interpreters = ["sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "fish", "csh", "tcsh", "rbash", "python", "python2", "python3", "perl", "ruby", "node", "php", "source", "."];
    private static readonly HashSet<string> Downloaders = ["curl", "wget", "fetch", "aria2c", "http", "lwp-request"];
    private static readonly HashSet<string> DiskWriters = ["tee", "shred", "blkdiscard", "wipefs", "badblocks"];

    /// <summary>Why <paramref name="commandLine"/> is blocked, or null.</summary>
    public static string? Check(string commandLine, IReadOnlyList<IReadOnlyList<SimpleCommand>> pipelines)
    {
        var packed = Whitespace().Replace(commandLine, "");
        if (ForkBomb().IsMatch(packed) || FunctionForkBomb().IsMatch(packed))
        {
            return "a fork bomb";
        }

        if (ShellFromDownload().IsMatch(commandLine))
        {
            return "running a downloaded script (shell fed from curl/wget)";
        }

        foreach (var pipeline in pipelines)
        {
            var downloaded = false;
            foreach (var command in pipeline)
            {
                if (downloaded && Interpreters.Contains(command.Name))
                {
                    return $"piping a download into {command.Name}";
                }

                downloaded |= Downloaders.Contains(command.Name);
                if (CheckCommand(command) is { } reason)
                {
                    return reason;
                }
            }
        }

        return null;
    }

    private static string? CheckCommand(SimpleCommand command)
    {
        if (command.OutputTargets.FirstOrDefault(IsDisk) is { } redirected)
        {
            return $"redirecting output onto the disk device {redirected}";
        }

        var name = command.Name;
        var args = command.Args.Skip(1).ToList();
        var flags = args.TakeWhile(a => a != "--").Where(a => a.StartsWith('-') && a.Length > 1).ToList();
        var operands = args.Where(a => !a.StartsWith('-') || a.Length == 1).ToList();
        var recursive = flags.Any(f => f is "--recursive" || (!f.StartsWith("--", StringComparison.Ordinal) && (f.Contains('r', StringComparison.Ordinal) || f.Contains('R', StringComparison.Ordinal))));
        switch (name)
        {
            case "rm" when flags.Contains("--no-preserve-root"):
                return "rm --no-preserve-root";
            case "rm" when recursive && operands.FirstOrDefault(IsSystemPath) is { } target:
                return $"recursive delete of {target}";
            case "find" when args.Count > 0 && IsSystemPath(args[0]) && (args.Contains("-delete") || args.Contains("-exec") && args.Contains("rm")):
                return $"deleting everything found under {args[0]}";

            // The first operand is the mode or owner.
            case "chmod" or "chown" or "chgrp" when recursive && operands.Skip(1).FirstOrDefault(IsSystemPath) is { } target:
                return $"recursive {name} of {target}";
            case var _ when name.StartsWith("mkfs", StringComparison.Ordinal) || name is "mke2fs" or "mkswap":
                return $"formatting a file system ({name})";
            case "dd" when args.FirstOrDefault(a => a.StartsWith("of=", StringComparison.Ordinal) && IsDisk(a[3..])) is { } output:
                return $"dd onto the disk device {output[3..]}";
            case var _ when DiskWriters.Contains(name) && args.FirstOrDefault(IsDisk) is { } disk:
                return $"{name} onto the disk device {disk}";
            case "cp" or "mv" or "install" when operands.Count > 1 && IsDisk(operands[^1]):
                return $"{name} onto the disk device {operands[^1]}";
            default:
                return null;
        }
    }

    /// <summary>/, a top-level system folder, or the home folder, however spelled (//, /., /*, /usr/../, ~, $HOME).</summary>
    internal static bool IsSystemPath(string path)
    {
        var p = path.Trim();
        if (p is "~" or "~/" or "~/*" or "$HOME" or "${HOME}" or "$HOME/" or "${HOME}/" or "$HOME/*" or "${HOME}/*" or "/*")
        {
            return true;
        }

        if (!p.StartsWith('/'))
        {
            return false;
        }

        // Trailing /* and /. still name the folder itself; .. is resolved before comparing.
        while (p.EndsWith("/*", StringComparison.Ordinal) || p.EndsWith("/.", StringComparison.Ordinal))
        {
            p = p[..^2];
        }

        var full = Path.GetFullPath(p.Length == 0 ? "/" : p).TrimEnd('/');
        return SystemFolders.Contains(full.Length == 0 ? "/" : full);
    }

    internal static bool IsDisk(string path) => path.StartsWith('/') && DiskDevice().IsMatch(Path.GetFullPath(path));

    [GeneratedRegex(@"^/dev/(sd|hd|vd|xvd|nvme|mmcblk|disk|md|dm-|mapper/|loop|sr|nbd)")]
    private static partial Regex DiskDevice();

    // The classic :(){ :|:& };: and the same shape under any function name, spaces removed.
    [GeneratedRegex(@"([^\s(){};|&]+)\(\)\{\1\|\1&\};?\1")]
    private static partial Regex ForkBomb();

    [GeneratedRegex(@"function([^\s(){};|&]+)(\(\))?\{\1\|\1&\};?\1")]
    private static partial Regex FunctionForkBomb();

    // bash <(curl ...), sh -c "$(wget ...)", . <(curl ...), python3 <(curl ...)
    [GeneratedRegex(@"(^|[\s;&|(])(sh|bash|zsh|dash|ksh|python3?|perl|ruby|source|\.)\s+([^;&|]*\s)?[""']?(\$\(|<\(|`)\s*(curl|wget)\b")]
    private static partial Regex ShellFromDownload();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
