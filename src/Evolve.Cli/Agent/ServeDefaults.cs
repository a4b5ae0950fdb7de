namespace Evolve.Cli.Agent;

/// <summary>The defaults of <see cref="ServeOptions"/> and the names of what configures it.</summary>
internal static class ServeDefaults
{
    public const string Host = "127.0.0.1";

    public const int Port = 8080;

    /// <summary>4 MiB: a long chat (about a million characters of context) fits; a body meant to exhaust memory does not.</summary>
    public const long MaxRequestBytes = 4L * 1024 * 1024;

    /// <summary>Requests in flight at once; twice the model-call slots, so a queue forms at the scheduler, not in memory.</summary>
    public const int MaxConcurrentRequests = 2 * AgentRuntime.ModelCallSlots;

    /// <summary>The environment variable holding the API key when <c>--api-key</c> is not given.</summary>
    public const string ApiKeyVariable = "EVOLVE_SERVE_KEY";
}
