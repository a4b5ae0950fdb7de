namespace Evolve.Tests.Shared;

/// <summary>One call a gated <see cref="ScriptedChatClient"/> holds until the test releases it.</summary>
internal sealed class ScriptedGate(string name)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The text of the call's last message.</summary>
    public string Name { get; } = name;

    /// <summary>Completes when <see cref="Release"/> is called.</summary>
    public Task Released => _released.Task;

    /// <summary>Lets the call finish; it answers <c>done NAME</c>.</summary>
    public void Release() => _released.SetResult();
}
