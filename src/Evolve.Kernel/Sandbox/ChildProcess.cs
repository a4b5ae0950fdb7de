using System.ComponentModel;
using System.Diagnostics;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Starts a command line in its own session (through <c>setsid</c>, which makes the child's pid
/// its process-group id without forking because .NET's child is never a group leader), captures
/// both pipes with a byte limit, and SIGKILLs the whole group at the wall-time limit. A child that
/// is a <see cref="ProcessReaper"/> gets SIGTERM instead, so it can kill what left the group.
/// </summary>
internal static class ChildProcess
{
    /// <summary>How long to wait for the pipes to close after the child exits before giving up on them.</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    /// <summary>How long a reaper may take to kill and reap what is left before its group is SIGKILLed.</summary>
    private static readonly TimeSpan ReapGrace = TimeSpan.FromSeconds(5);

    public static async Task<ChildExit> RunAsync(
        IReadOnlyList<string> argv,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        string? stdin,
        SandboxLimits limits,
        Func<Task>? afterExit,
        bool reaped,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        info.ArgumentList.Add("--");
        foreach (var arg in argv)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = new Process { StartInfo = info };
        var started = time.GetTimestamp();
        try
        {
            await ProcessSpawner.StartAsync(process);
        }
        catch (Win32Exception ex)
        {
            return new ChildExit(-1, false, "", "", false, time.GetElapsedTime(started), $"could not start {argv[0]}: {ex.Message}");
        }

        var groupId = process.Id;
        var stdout = new BoundedOutput(limits.MaxOutputBytes);
        var stderr = new BoundedOutput(limits.MaxOutputBytes);
        var drained = Task.WhenAll(
            stdout.DrainAsync(process.StandardOutput.BaseStream),
            stderr.DrainAsync(process.StandardError.BaseStream));
        _ = FeedAsync(process.StandardInput, stdin);

        var timedOut = false;
        using (var wall = new CancellationTokenSource(limits.WallTime, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(wall.Token, cancellationToken))
        {
            try
            {
                await process.WaitForExitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = !cancellationToken.IsCancellationRequested;
                await StopAsync(process, reaped, time);
            }
        }

        var elapsed = time.GetElapsedTime(started);
        if (afterExit is not null)
        {
            await afterExit();
        }

        try
        {
            await drained.WaitAsync(DrainGrace, time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // Something outside the sandbox's pid namespace (only possible at the process level)
            // still holds the pipes; kill what is left of the group and stop reading.
            NativeMethods.KillProcessGroup(groupId);
            process.StandardOutput.BaseStream.Dispose();
            process.StandardError.BaseStream.Dispose();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ChildExit(
            timedOut ? -1 : process.ExitCode,
            timedOut,
            stdout.Text(),
            stderr.Text(),
            stdout.Truncated || stderr.Truncated,
            elapsed);
    }

    private static async Task StopAsync(Process process, bool reaped, TimeProvider time)
    {
        if (reaped)
        {
            NativeMethods.Terminate(process.Id);
            try
            {
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(ReapGrace, time, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // The reaper is stuck; the group kill below is all that is left.
            }
        }

        NativeMethods.KillProcessGroup(process.Id);
        await process.WaitForExitAsync(CancellationToken.None);
    }

    private static async Task FeedAsync(StreamWriter input, string? text)
    {
        try
        {
            if (text is not null)
            {
                await input.WriteAsync(text);
            }

            input.Close();
        }
        catch (IOException)
        {
            // The child exited or closed stdin without reading it all; that is its business.
        }
    }
}
