namespace Evolve.Kernel.Library;

/// <summary>The contents of <c>.history/channels.json</c>: both pointers and the canary share.</summary>
public sealed record ChannelState
{
    /// <summary>The live pointer.</summary>
    public required ChannelPointer Live { get; init; }

    /// <summary>The canary pointer (version null when no canary is deployed).</summary>
    public required ChannelPointer Canary { get; init; }

    /// <summary>Share of sessions, in [0, 1], that <see cref="PromptLibrary.Resolve"/> sends to the canary; default 0.1.</summary>
    public double CanaryShare { get; init; } = 0.1;

    /// <summary>The pointer for <paramref name="channel"/>.</summary>
    public ChannelPointer Get(LibraryChannel channel) => channel == LibraryChannel.Live ? Live : Canary;

    /// <summary>A copy with <paramref name="channel"/> moved to <paramref name="version"/> and its generation incremented.</summary>
    public ChannelState Move(LibraryChannel channel, int version)
    {
        var moved = new ChannelPointer(version, Get(channel).Generation + 1);
        return channel == LibraryChannel.Live ? this with { Live = moved } : this with { Canary = moved };
    }
}
