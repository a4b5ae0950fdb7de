namespace Evolve.Kernel.Sandbox;

/// <summary>Runs untrusted code outside the Evolve process, under one <see cref="SandboxLevel"/>.</summary>
public interface ISandbox
{
    /// <summary>The level this sandbox enforces.</summary>
    SandboxLevel Level { get; }

    /// <summary>
    /// Runs the request in a fresh work directory that is deleted afterwards. Never throws for
    /// anything the code does; throws only for cancellation or a bad argument.
    /// </summary>
    Task<SandboxResult> RunAsync(SandboxRequest request, CancellationToken cancellationToken = default);
}
