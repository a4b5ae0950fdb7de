namespace Evolve.Kernel.Sandbox;

/// <summary>
/// What to run: files written into a fresh private work directory, then a command run there.
/// The command's first element is resolved inside the sandbox (for example <c>python3</c>).
/// </summary>
/// <param name="Command">Program and arguments.</param>
/// <param name="Files">Relative file name to content, written into the work directory before the run.</param>
/// <param name="Stdin">Text fed to standard input, or null for none.</param>
/// <param name="Limits">Limits; null means <see cref="SandboxLimits.Default"/>.</param>
public sealed record SandboxRequest(
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string>? Files = null,
    string? Stdin = null,
    SandboxLimits? Limits = null);
