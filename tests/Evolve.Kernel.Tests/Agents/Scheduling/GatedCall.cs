namespace Evolve.Kernel.Tests.Agents.Scheduling;

/// <summary>One call held by <see cref="GatedChatClient"/> until the test releases it.</summary>
internal sealed class GatedCall(string name)
{
    public string Name { get; } = name;

    public TaskCompletionSource<string> Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the call finish, answering with its own name.</summary>
    public void Release() => Finish.SetResult("done " + Name);
}
