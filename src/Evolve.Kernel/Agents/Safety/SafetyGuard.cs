namespace Evolve.Kernel.Agents.Safety;

/// <summary>
/// Decides whether a tool call may run. Commands pass the hard blocklist first (no rule can allow
/// what it blocks), then the rules, one simple command at a time with the strictest answer
/// winning; paths are resolved and must stay under the root before the rules see them. An
/// <see cref="ToolPermission.Ask"/> goes to the approver and fails closed: no answer, a refusal or
/// an approver error all deny. Every decision carries its reason.
/// </summary>
public sealed class SafetyGuard
{
    private readonly (Glob Tool, Glob Pattern, SafetyRule Rule)[] _rules;
    private readonly ToolPermission _default;
    private readonly IApprover _approver;
    private readonly string _realRoot;

    /// <summary>Creates a guard; <paramref name="approver"/> defaults to <see cref="NonInteractiveApprover"/>.</summary>
    public SafetyGuard(SafetyGuardOptions options, IApprover? approver = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Root));
        _rules = [.. options.Rules.Select(r => (new Glob(r.Tool), new Glob(r.Pattern), r))];
        _default = options.Default;
        _approver = approver ?? NonInteractiveApprover.Instance;

        // Rules see paths relative to the root as the file system resolves it (it may be a symlink).
        _realRoot = RootedPath.Resolve(Root, ".").Path ?? Root;
    }

    /// <summary>The full path of the root folder.</summary>
    public string Root { get; }

    /// <summary>Checks a shell command line that <paramref name="tool"/> would run.</summary>
    public Task<SafetyDecision> CheckCommandAsync(string tool, string commandLine, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        ArgumentNullException.ThrowIfNull(commandLine);
        IReadOnlyList<IReadOnlyList<SimpleCommand>> pipelines;
        try
        {
            pipelines = CommandAnalysis.Expand(commandLine);
        }
        catch (FormatException error)
        {
            return Task.FromResult(SafetyDecision.Deny($"Denied: the command could not be parsed safely ({error.Message})."));
        }

        if (HardBlocklist.Check(commandLine, pipelines) is { } blocked)
        {
            return Task.FromResult(SafetyDecision.Deny($"Denied by the hard blocklist: {blocked}. No rule or setting can allow this."));
        }

        var commands = pipelines.SelectMany(p => p).Where(c => c.Args.Count > 0).Select(c => c.Text).ToList();
        if (commands.Count == 0)
        {
            return Task.FromResult(SafetyDecision.Deny("Denied: the command line runs no command."));
        }

        // The strictest command decides: one denied part of "a && b" denies the line.
        var verdicts = commands.Select(c => (Subject: c, Verdict: Match(tool, c))).ToList();
        var strictest = verdicts.MaxBy(v => v.Verdict.Permission);
        return Decide(tool, strictest.Subject, strictest.Verdict, null, cancellationToken);
    }

    /// <summary>Checks a path that <paramref name="tool"/> would read or write; relative paths are taken from the root.</summary>
    public Task<SafetyDecision> CheckPathAsync(string tool, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        ArgumentNullException.ThrowIfNull(path);
        var (resolved, refusal) = RootedPath.Resolve(Root, path);
        if (resolved is null)
        {
            return Task.FromResult(SafetyDecision.Deny($"Denied: {refusal}."));
        }

        var relative = Path.GetRelativePath(_realRoot, resolved).Replace('\\', '/');
        return Decide(tool, relative, Match(tool, relative), resolved, cancellationToken);
    }

    /// <summary>Checks a call by its rules alone, for tools whose subject is neither a command nor a path.</summary>
    public Task<SafetyDecision> CheckAsync(string tool, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        ArgumentNullException.ThrowIfNull(subject);
        return Decide(tool, subject, Match(tool, subject), null, cancellationToken);
    }

    private (ToolPermission Permission, string Source) Match(string tool, string subject)
    {
        for (var i = _rules.Length - 1; i >= 0; i--)
        {
            var (toolGlob, pattern, rule) = _rules[i];
            if (toolGlob.IsMatch(tool) && pattern.IsMatch(subject))
            {
                return (rule.Permission, $"rule {i + 1} ({rule.Permission.ToString().ToLowerInvariant()} {rule.Tool} \"{rule.Pattern}\")");
            }
        }

        return (_default, $"the default ({_default.ToString().ToLowerInvariant()}, no rule matched)");
    }

    private async Task<SafetyDecision> Decide(string tool, string subject, (ToolPermission Permission, string Source) verdict, string? resolved, CancellationToken cancellationToken)
    {
        switch (verdict.Permission)
        {
            case ToolPermission.Allow:
                return new SafetyDecision(true, $"Allowed by {verdict.Source} for \"{subject}\".", resolved);
            case ToolPermission.Deny:
                return SafetyDecision.Deny($"Denied by {verdict.Source} for \"{subject}\".");
        }

        ApprovalAnswer answer;
        try
        {
            answer = await _approver.ApproveAsync(new ApprovalRequest(tool, subject, verdict.Source), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            return SafetyDecision.Deny($"Denied: {verdict.Source} asks for approval of \"{subject}\" and the approver failed ({error.GetType().Name}: {error.Message}); approvals fail closed.");
        }

        return answer switch
        {
            ApprovalAnswer.Approved => new SafetyDecision(true, $"Allowed: approved by the approver, as {verdict.Source} asks, for \"{subject}\".", resolved),
            ApprovalAnswer.Denied => SafetyDecision.Deny($"Denied: the approver refused \"{subject}\" ({verdict.Source} asks)."),
            _ => SafetyDecision.Deny($"Denied: {verdict.Source} asks for approval of \"{subject}\" but nobody can answer (non-interactive); approvals fail closed."),
        };
    }
}
