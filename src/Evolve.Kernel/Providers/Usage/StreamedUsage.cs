using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Usage;

/// <summary>
/// Sums the usage a stream reports along the way (<see cref="UsageContent"/> in its updates), the
/// streaming counterpart of <see cref="ChatResponse.Usage"/>, for every decorator that needs it.
/// </summary>
internal static class StreamedUsage
{
    /// <summary>
    /// Adds what <paramref name="update"/> reports to <paramref name="total"/> and returns the sum;
    /// null while no update has reported any usage.
    /// </summary>
    public static UsageDetails? Add(UsageDetails? total, ChatResponseUpdate update)
    {
        foreach (var content in update.Contents)
        {
            if (content is UsageContent reported)
            {
                total ??= new UsageDetails();
                total.Add(reported.Details);
            }
        }

        return total;
    }
}
