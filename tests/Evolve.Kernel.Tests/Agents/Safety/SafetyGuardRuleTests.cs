using Evolve.Kernel.Agents.Safety;

namespace Evolve.Kernel.Tests.Agents.Safety;

public sealed class SafetyGuardRuleTests
{
    private static SafetyGuard Guard(IApprover? approver, params SafetyRule[] rules) =>
        new(new SafetyGuardOptions { Root = Path.GetTempPath(), Rules = rules }, approver);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckCommandAsync_LaterRuleMatches_LastMatchWins()
    {
        var guard = Guard(null, new SafetyRule("shell", "*", ToolPermission.Deny), new SafetyRule("shell", "git *", ToolPermission.Allow), new SafetyRule("shell", "git push *", ToolPermission.Deny));

        Assert.True((await guard.CheckCommandAsync("shell", "git status", Ct)).Allowed);
        var push = await guard.CheckCommandAsync("shell", "git push origin main", Ct);
        Assert.False(push.Allowed);
        Assert.Equal("Denied by rule 3 (deny shell \"git push *\") for \"git push origin main\".", push.Reason);
        Assert.False((await guard.CheckCommandAsync("shell", "ls", Ct)).Allowed);
    }

    [Fact]
    public async Task CheckCommandAsync_RuleForOtherTool_DoesNotApply()
    {
        var guard = Guard(null, new SafetyRule("run_python", "*", ToolPermission.Allow));

        var decision = await guard.CheckCommandAsync("shell", "ls", Ct);

        Assert.False(decision.Allowed);
        Assert.Contains("the default (ask, no rule matched)", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sudo rm notes.txt")]
    [InlineData("timeout 5 env A=1 rm notes.txt")]
    [InlineData("sh -c 'rm notes.txt'")]
    [InlineData("git status && rm notes.txt")]
    [InlineData("echo $(rm notes.txt)")]
    public async Task CheckCommandAsync_DeniedCommandBehindWrapperOrChain_IsDenied(string command)
    {
        var guard = Guard(null, new SafetyRule("*", "*", ToolPermission.Allow), new SafetyRule("shell", "rm *", ToolPermission.Deny));

        var decision = await guard.CheckCommandAsync("shell", command, Ct);

        Assert.False(decision.Allowed, decision.Reason);
        Assert.Contains("\"rm notes.txt\"", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckCommandAsync_Unparseable_IsDenied()
    {
        var guard = Guard(null, new SafetyRule("*", "*", ToolPermission.Allow));

        var decision = await guard.CheckCommandAsync("shell", "echo 'unbalanced", Ct);

        Assert.False(decision.Allowed);
        Assert.StartsWith("Denied: the command could not be parsed safely (unbalanced ' at column 6)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_AskWithoutApprover_FailsClosedSayingNobodyCanAnswer()
    {
        var guard = Guard(null, new SafetyRule("web_fetch", "*", ToolPermission.Ask));

        var decision = await guard.CheckAsync("web_fetch", "https://example.invalid", Ct);

        Assert.False(decision.Allowed);
        Assert.Equal("Denied: rule 1 (ask web_fetch \"*\") asks for approval of \"https://example.invalid\" but nobody can answer (non-interactive); approvals fail closed.", decision.Reason);
    }

    [Fact]
    public async Task CheckCommandAsync_AskApproved_IsAllowedAndApproverSawTheCommand()
    {
        var approver = new ScriptedApprover(ApprovalAnswer.Approved);
        var guard = Guard(approver, new SafetyRule("shell", "*", ToolPermission.Ask));

        var decision = await guard.CheckCommandAsync("shell", "sudo make install", Ct);

        Assert.True(decision.Allowed, decision.Reason);
        var request = Assert.Single(approver.Requests);
        Assert.Equal(("shell", "make install"), (request.Tool, request.Subject));
    }

    [Fact]
    public async Task CheckCommandAsync_AskRefused_IsDenied()
    {
        var guard = Guard(new ScriptedApprover(ApprovalAnswer.Denied), new SafetyRule("shell", "*", ToolPermission.Ask));

        var decision = await guard.CheckCommandAsync("shell", "make install", Ct);

        Assert.False(decision.Allowed);
        Assert.StartsWith("Denied: the approver refused \"make install\"", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckCommandAsync_ApproverThrows_FailsClosed()
    {
        var guard = Guard(new ScriptedApprover(ApprovalAnswer.Approved, new IOException("terminal closed")), new SafetyRule("shell", "*", ToolPermission.Ask));

        var decision = await guard.CheckCommandAsync("shell", "make install", Ct);

        Assert.False(decision.Allowed);
        Assert.Contains("the approver failed (IOException: terminal closed); approvals fail closed", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckCommandAsync_AskForBlockedCommand_NeverReachesApprover()
    {
        var approver = new ScriptedApprover(ApprovalAnswer.Approved);
        var guard = Guard(approver, new SafetyRule("shell", "*", ToolPermission.Ask));

        var decision = await guard.CheckCommandAsync("shell", "sudo rm -rf /", Ct);

        Assert.False(decision.Allowed);
        Assert.Empty(approver.Requests);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() =>
        {
            _ = new SafetyGuard(new SafetyGuardOptions { Root = " ", Rules = [new SafetyRule("", "*", ToolPermission.Allow), new SafetyRule("x", "*", (ToolPermission)9)] });
        });

        Assert.Equal("Invalid safety guard options: Root is required. Rule 1 needs a tool and a pattern. Rule 2 has an unknown permission (9).", error.Message);
    }
}
