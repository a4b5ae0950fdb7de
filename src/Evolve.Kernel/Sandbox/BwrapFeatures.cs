using System.Diagnostics;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Which optional bubblewrap flags the installed version has, read once from <c>bwrap --help</c>.
/// Older releases (Debian 11 ships 0.4) lack <c>--disable-userns</c> (0.8) and <c>--size</c>;
/// without them the sandbox still isolates, it just cannot forbid nested user namespaces or
/// bound <c>/tmp</c> (RLIMIT_FSIZE still bounds each file).
/// </summary>
internal static class BwrapFeatures
{
    private static readonly Lazy<string> Help = new(ReadHelp);

    /// <summary>True when <c>--disable-userns</c> is supported.</summary>
    public static bool DisableUserns => Help.Value.Contains("--disable-userns", StringComparison.Ordinal);

    /// <summary>True when <c>--size</c> (for <c>--tmpfs</c>) is supported.</summary>
    public static bool TmpfsSize => Help.Value.Contains("--size", StringComparison.Ordinal);

    private static string ReadHelp()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("bwrap", "--help")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return "";
            }

            var stderr = process.StandardError.ReadToEndAsync();
            var help = process.StandardOutput.ReadToEnd() + stderr.GetAwaiter().GetResult();
            process.WaitForExit();
            return help;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return ""; // Not installed; the factory's probe reports that.
        }
    }
}
