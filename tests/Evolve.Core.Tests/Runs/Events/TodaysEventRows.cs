namespace Evolve.Core.Tests.Runs.Events;

/// <summary>
/// Event rows exactly as the code before typed events wrote them (copied with sqlite3 from run.db
/// files made by evolve run, compare and promote on the simulator, 2026-12-03), so the typed
/// records are held to the stored format older runs have.
/// </summary>
internal static class TodaysEventRows
{
    /// <summary>Generation 1 of an arith run.</summary>
    public const string Generation = """
        {"generation":1,"spent":53,"budget":200,"bestScore":0.5625,"bestId":"18c0004dd165","frontSize":1,"poolSize":1,"proposed":12,"accepted":5,"rejected":5,"guarded":1,"raced":0,"racingSaved":0,"merged":0}
        """;

    /// <summary>A proposal skipped before a child was made.</summary>
    public const string ProposalSkippedWithoutChild = """
        {"generation":1,"parent":"18c0004dd165","child":null,"component":"heuristics.yaml","problem":"the parent is already perfect on this minibatch"}
        """;

    /// <summary>A child refused by a guard.</summary>
    public const string ProposalSkippedWithChild = """
        {"generation":1,"parent":"18c0004dd165","child":"ef3b207cc5e5","component":"system.sbn","problem":"guard: the child is identical to the existing candidate ef3b207cc5e5."}
        """;

    /// <summary>The best finalist (here the seed itself) on the holdout cases.</summary>
    public const string Holdout = """
        {"rank":0,"candidate":"18c0004dd1655d55a38698a52d29105a4dec19bff1e11cab90b55f7d3d151be3","seed":"18c0004dd1655d55a38698a52d29105a4dec19bff1e11cab90b55f7d3d151be3","valMean":0.5625,"holmP":1,"comparison":{"n":7,"meanA":0.6857142857142857,"meanB":0.6857142857142857,"meanDifference":0,"differenceInterval":{"lower":0,"upper":0,"level":0.95},"passRateA":0.2857142857142857,"passRateB":0.2857142857142857,"aPassBFail":0,"aFailBPass":0,"mcNemarP":1,"wins":0,"ties":7,"losses":0,"signTestP":1,"pValue":1,"effectSize":0,"verdict":1,"explanation":"not enough evidence that seed and best differ: best - seed = 0.000 (95% CI 0.000 to 0.000, McNemar p = 1, sign test p = 1, 0 wins / 0 losses over 7 cases)"}}
        """;

    /// <summary>Trimmed to the first of its six owners; the rest had the same shape.</summary>
    public const string Scheduler = """
        {"slots":16,"overall":{"count":91,"waiting":{"mean":"00:00:00","p50":"00:00:00","p95":"00:00:00"},"turnaround":{"mean":"00:00:00.0014715","p50":"00:00:00.0000315","p95":"00:00:00.0009322"}},"perOwner":{"18c0004dd1655d55a38698a52d29105a4dec19bff1e11cab90b55f7d3d151be3":{"count":58,"waiting":{"mean":"00:00:00","p50":"00:00:00","p95":"00:00:00"},"turnaround":{"mean":"00:00:00.0022657","p50":"00:00:00.0000455","p95":"00:00:00.0122276"}}}}
        """;

    /// <summary>The last usage record of the first invocation.</summary>
    public const string Usage = """
        {"task":{"calls":91,"cacheHits":0,"inputTokens":5356,"outputTokens":102,"failedAttempts":0,"cost":0,"unpricedCalls":0,"totalTokens":5458},"reflection":{"calls":7,"cacheHits":0,"inputTokens":4133,"outputTokens":389,"failedAttempts":0,"cost":0,"unpricedCalls":0,"totalTokens":4522},"invocation":1,"total":{"calls":98,"cacheHits":0,"inputTokens":9489,"outputTokens":491,"failedAttempts":0,"cost":0,"unpricedCalls":0,"totalTokens":9980}}
        """;

    /// <summary>The end of the arith run.</summary>
    public const string Finished = """
        {"best":"18c0004dd1655d55a38698a52d29105a4dec19bff1e11cab90b55f7d3d151be3","meanDifference":0,"verdict":1,"stopReason":"budget: 56 of 200 rollouts spent (140 kept for the holdout check)"}
        """;

    /// <summary>evolve promote refused by the artifacts gate.</summary>
    public const string PromotionRefused = """
        {"candidate":"18c0004dd1655d55a38698a52d29105a4dec19bff1e11cab90b55f7d3d151be3","agent":"arith","passed":false,"gates":[{"name":"artifacts","passed":false,"detail":"the candidate is identical to the live files: nothing to promote"}]}
        """;

    /// <summary>evolve promote of a second arith run (--budget 400 --batch 100): version 2 on live.</summary>
    public const string PromotionPassed = """
        {"candidate":"5005d237b25046287ef6ac233a58b9a7656910aae188c384c630559ed42faf18","agent":"arith","passed":true,"version":2,"channel":"live"}
        """;

    /// <summary>evolve compare RUN:seed prompts/arith/agent.yaml --suite arith.</summary>
    public const string Compare = """
        {"a":"18c0004dd1655d55a38698a52d29105a4dec19bff1e11cab90b55f7d3d151be3","b":"49689c01f1bf34d030c786f3e7f8d5cd97ba04f5a3f7c44cbf6b799a35b49433","n":30,"meanA":0.7,"meanB":0.7333333333333333,"meanDifference":0.03333333333333333,"verdict":"NoSignificantDifference","explanation":"not enough evidence that seed and prompts/arith/agent.yaml differ: prompts/arith/agent.yaml - seed = \u002B0.033 (95% CI -0.033 to \u002B0.100, McNemar p = 0.625, sign test p = 0.625, 3 wins / 1 loss over 30 cases)"}
        """;

    /// <summary>Every row with its kind, in the order listed here.</summary>
    public static IReadOnlyList<(string Kind, string Data)> All { get; } =
    [
        ("generation", Generation),
        ("proposal-skipped", ProposalSkippedWithoutChild),
        ("proposal-skipped", ProposalSkippedWithChild),
        ("holdout", Holdout),
        ("scheduler", Scheduler),
        ("usage", Usage),
        ("finished", Finished),
        ("promotion", PromotionRefused),
        ("promotion", PromotionPassed),
        ("compare", Compare),
    ];
}
