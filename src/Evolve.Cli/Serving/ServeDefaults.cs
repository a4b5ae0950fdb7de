using Evolve.Cli.Agent;

namespace Evolve.Cli.Serving;

/// <summary>The defaults of <see cref="ServeOptions"/> and the names of what configures it.</summary>
internal static class ServeDefaults
{
    public const string Host = "127.0.0.1";

    public const int Port = 8080;

    /// <summary>
    /// 1 MiB: a chat of about a million characters (some 250,000 tokens) fits, and 16 such requests at
    /// once peak near 0.2 GB, where 8 bodies of 29 MB once took the process to 4.8 GB.
    /// </summary>
    public const long MaxRequestBytes = 1024L * 1024;

    /// <summary>Requests in flight at once; twice the model-call slots, so a queue forms at the scheduler, not in memory.</summary>
    public const int MaxConcurrentRequests = 2 * AgentRuntime.ModelCallSlots;

    /// <summary>The environment variable holding the API key when <c>--api-key</c> is not given.</summary>
    public const string ApiKeyVariable = "EVOLVE_SERVE_KEY";
}
