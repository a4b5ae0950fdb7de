namespace Evolve.Kernel.Providers;

/// <summary>How a failed model call should be handled.</summary>
public enum ModelCallFailure
{
    /// <summary>Try again after a pause: 408, 429, 5xx, timeouts, resets, a reply that did not parse.</summary>
    Transient,

    /// <summary>No retry can help and no other case will fare better (401, 403, unknown model, unreachable host after retries): stop the run.</summary>
    Permanent,

    /// <summary>This request is at fault (400, context too long, content filtered): record the case as failed and go on.</summary>
    Request,
}
