namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// What a <c>javascript</c> assertion's function returned, in promptfoo's terms: a boolean, a
/// number (a score), a <c>{pass, score, reason}</c> object, or an error (it threw, broke a limit, or
/// returned something else).
/// </summary>
internal sealed record JavaScriptResult(bool? Pass, double? Score, string? Reason, string? Failure, bool IsNumber = false)
{
    public static JavaScriptResult Boolean(bool pass) => new(pass, pass ? 1 : 0, null, null);

    public static JavaScriptResult Number(double score) => new(null, score, null, null, IsNumber: true);

    public static JavaScriptResult Grading(bool? pass, double? score, string? reason) => new(pass, score, reason, null);

    public static JavaScriptResult Error(string failure) => new(false, 0, null, failure);
}
