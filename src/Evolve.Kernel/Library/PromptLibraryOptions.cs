namespace Evolve.Kernel.Library;

/// <summary>Settings of a <see cref="PromptLibrary"/>.</summary>
public sealed record PromptLibraryOptions
{
    /// <summary>The <c>prompts/</c> folder holding one folder per agent. Required.</summary>
    public required string PromptsDirectory { get; init; }

    /// <summary>Clock for version and ledger times; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long a writer waits its turn for the library lock before a <see cref="LibraryConflictException"/>;
    /// default 2 minutes, so writers queue behind each other rather than fail.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Called once with a one-line message when a writer finds the lock taken and starts waiting; default none.</summary>
    public Action<string>? OnLockWait { get; init; }

    /// <summary>Canary share written when a library is initialized; default 0.1.</summary>
    public double DefaultCanaryShare { get; init; } = 0.1;
}
