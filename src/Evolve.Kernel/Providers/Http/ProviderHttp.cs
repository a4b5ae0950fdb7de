using Evolve.Kernel.Providers.Configuration;

namespace Evolve.Kernel.Providers.Http;

/// <summary>Builds the one <see cref="HttpClient"/> a provider's SDK sends through.</summary>
internal static class ProviderHttp
{
    public static HttpClient CreateClient(ProviderSettings settings, string model, TimeProvider time)
    {
        var sockets = new SocketsHttpHandler
        {
            // Recycle connections so a changed DNS entry (a moved proxy or server) is picked up.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };

        // The handler owns the timeout, so the HttpClient's own must never fire first.
        return new HttpClient(new ModelCallHttpHandler(settings, model, time, sockets)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>A timeout for SDKs that keep their own: long enough that ours always fires first.</summary>
    public static TimeSpan SdkTimeout(ProviderSettings settings) => settings.Timeout + TimeSpan.FromMinutes(1);
}
