using System.Globalization;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The shell script that builds the <c>namespaces</c> level's root, the way bubblewrap builds its
/// own: a read-only tmpfs holding read-only binds of <c>/usr</c>, the merged-/usr links (or real
/// <c>/bin</c>, <c>/lib*</c> directories), the loader cache and the interpreter's prefix, a fresh
/// <c>/proc</c>, a minimal read-only <c>/dev</c>, and capped tmpfs <c>/tmp</c>, <c>/dev/shm</c> and
/// <c>/work</c> (a copy of the request's files). <c>pivot_root</c> then detaches the host's root,
/// so nothing of the host outside those binds (accounts, projects, temp folders) can be reached.
/// Hiding a list of likely places instead left /etc, /opt and /var readable.
/// </summary>
internal static class NamespacesRoot
{
    /// <summary>The work dir and cwd inside, as at the bwrap level.</summary>
    public const string Inside = "/work";

    private static readonly string Scratch = SandboxSetup.ScratchBytes.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The script; it expects the command to run as its arguments. It waits for the code instead
    /// of exec'ing it: unshare --fork cannot re-raise a child's fatal signal on some util-linux
    /// versions ("sigprocmask unblock failed", exit 1), which hid the CPU limit and every other
    /// signal; the shell exits 128 + signal instead.
    /// </summary>
    public static string Script(string work)
    {
        // Any existing directory serves as the mount point: the mount namespace is private.
        // Not /run: libmount writes /run/mount/utab there, which would show up in the new root.
        var root = Directory.Exists("/mnt") ? "/mnt" : "/media";
        var lines = new List<string>
        {
            "set -e",
            // pivot_root lives in an sbin; the code gets the PATH it was given.
            "code_path=\"$PATH\"; PATH=\"$PATH:/usr/sbin:/sbin\"",
            // Where the remount must keep a locked flag (a nodev or nosuid host mount), say it again.
            """robind() { mount --bind "$1" "$2"; mount -o remount,bind,ro "$2" 2>/dev/null || mount -o remount,bind,ro,nosuid,nodev "$2"; }""",
            $"r={root}",
            "mount -t tmpfs -o mode=755,size=1m sandbox-root \"$r\"",
            "mkdir \"$r/usr\" \"$r/etc\" \"$r/proc\" \"$r/dev\" \"$r/tmp\" \"$r/work\"",
            "robind /usr \"$r/usr\"",
        };
        foreach (var top in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" })
        {
            var info = new DirectoryInfo(top);
            if (info.Exists)
            {
                lines.Add(info.LinkTarget is { } target
                    ? $"ln -s {Quote(target)} \"$r{top}\""
                    : $"mkdir \"$r{top}\"; robind {top} \"$r{top}\"");
            }
        }

        foreach (var etc in new[] { "/etc/ld.so.cache", "/etc/alternatives", "/etc/localtime" })
        {
            if (Directory.Exists(etc))
            {
                lines.Add($"mkdir \"$r{etc}\"; robind {etc} \"$r{etc}\"");
            }
            else if (File.Exists(etc))
            {
                lines.Add($"touch \"$r{etc}\"; robind {etc} \"$r{etc}\"");
            }
        }

        if (PythonLocator.ExtraPrefix is { } prefix)
        {
            lines.Add($"mkdir -p \"$r\"{Quote(prefix)}; robind {Quote(prefix)} \"$r\"{Quote(prefix)}");
        }

        lines.AddRange(
        [
            "mount -t proc proc \"$r/proc\"",
            "mount -t tmpfs -o mode=755,size=1m sandbox-dev \"$r/dev\"",
            "for n in null zero full random urandom tty; do touch \"$r/dev/$n\"; mount --bind \"/dev/$n\" \"$r/dev/$n\"; done",
            "ln -s /proc/self/fd \"$r/dev/fd\"; ln -s /proc/self/fd/0 \"$r/dev/stdin\"; ln -s /proc/self/fd/1 \"$r/dev/stdout\"; ln -s /proc/self/fd/2 \"$r/dev/stderr\"",
            "mkdir \"$r/dev/shm\"",
            $"mount -t tmpfs -o mode=1777,size={Scratch} sandbox-shm \"$r/dev/shm\"",
            $"mount -t tmpfs -o mode=1777,size={Scratch} sandbox-tmp \"$r/tmp\"",
            $"mount -t tmpfs -o mode=755,size={Scratch} sandbox-work \"$r/work\"",
            $"cp -R {Quote(work)}/. \"$r/work/\"",
            "mount -o remount,bind,ro \"$r/dev\"",
            "mount -o remount,bind,ro \"$r\"",
            // pivot_root . . stacks the old root over the new one; the lazy unmount detaches it for good.
            "cd \"$r\"",
            "pivot_root . .",
            "umount -l .",
            $"cd {Inside}",
            "PATH=\"$code_path\"",
            "\"$@\" || exit $?",
        ]);
        return string.Join('\n', lines) + "\n";
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
}
