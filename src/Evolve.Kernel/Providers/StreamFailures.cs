using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers;

/// <summary>
/// How a decorator sees the failures of a stream it passes on. A <c>yield return</c> cannot sit
/// inside a try with a catch, so each step of the inner stream is awaited in one here; every
/// decorator that maps or records stream failures goes through this one loop.
/// </summary>
internal static class StreamFailures
{
    /// <summary>
    /// Yields the stream <paramref name="open"/> starts (lazily, on the first step, like an iterator
    /// would). A failure for which <paramref name="replace"/> returns an exception is thrown as that
    /// one; a null leaves the failure to propagate unchanged. Both delegates get the enumeration's token.
    /// </summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> Replace(
        Func<CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> open,
        Func<Exception, CancellationToken, Exception?> replace,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stream = open(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (stream.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await stream.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (replace(ex, cancellationToken) is { } replacement)
                {
                    throw replacement;
                }

                yield return stream.Current;
            }
        }
    }
}
