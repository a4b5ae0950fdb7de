namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// What a <c>javascript</c> or <c>python</c> assertion's function returned, in promptfoo's terms:
/// a boolean, a number (a score), a <c>{pass, score, reason}</c> object, or an error (it threw,
/// broke a limit, or returned something else).
/// </summary>
internal sealed record ScriptResult(bool? Pass, double? Score, string? Reason, string? Failure, bool IsNumber = false)
{
    public static ScriptResult Boolean(bool pass) => new(pass, pass ? 1 : 0, null, null);

    public static ScriptResult Number(double score) => new(null, score, null, null, IsNumber: true);

    public static ScriptResult Grading(bool? pass, double? score, string? reason) => new(pass, score, reason, null);

    public static ScriptResult Error(string failure) => new(false, 0, null, failure);
}
