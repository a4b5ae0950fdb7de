namespace Evolve.Core.Scoring.Judges;

/// <summary>
/// One judge assertion type: what the judge is told, and how its verdict becomes a pass and a score.
/// The instructions are Evolve's own; each asks for the same JSON reply (<see cref="JudgeVerdict"/>).
/// </summary>
/// <param name="Type">The assertion type.</param>
/// <param name="Task">What the judge must decide, for the system message.</param>
/// <param name="CriterionLabel">What the assertion's value is, as the judge is told it.</param>
/// <param name="DefaultThreshold">The score a pass needs when the judge gives a score; null when the judge's own pass decides.</param>
internal sealed record JudgeKind(string Type, string Task, string CriterionLabel, double? DefaultThreshold)
{
    /// <summary><c>llm-rubric</c>: the rubric holds for the answer; the judge's pass decides, and a threshold, when given, also needs the score.</summary>
    public static JudgeKind Rubric { get; } = new(
        "llm-rubric",
        "Decide whether the answer satisfies the rubric. Give a score from 0 (not at all) to 1 (completely) and pass it only if the rubric is met.",
        "Rubric",
        null);

    /// <summary><c>model-graded-closedqa</c>: the answer meets the criterion, yes or no.</summary>
    public static JudgeKind ClosedQa { get; } = new(
        "model-graded-closedqa",
        "Decide, yes or no, whether the answer meets the criterion. Score 1 for yes and 0 for no.",
        "Criterion",
        null);

    /// <summary>
    /// <c>factuality</c>: the answer is consistent with the reference fact. The judge picks A (a
    /// consistent subset), B (a consistent superset), C (the same details), D (a disagreement) or E
    /// (differences that do not matter to the facts); everything but D passes, as in promptfoo's defaults.
    /// </summary>
    public static JudgeKind Factuality { get; } = new(
        "factuality",
        "Compare the facts in the answer with the reference. Choose A if the answer is a subset of the reference and consistent with it, "
        + "B if it is a superset and consistent, C if it has the same details, D if it disagrees with the reference, E if they differ only in ways that do not matter to the facts. "
        + "Put the letter in \"choice\"; pass is false only for D.",
        "Reference",
        null);

    /// <summary><c>g-eval</c>: the judge reasons step by step over the criteria and scores; passes at 0.7 (promptfoo's default).</summary>
    public static JudgeKind GEval { get; } = new(
        "g-eval",
        "Think through the evaluation criteria step by step, checking the answer against each, then give one overall score from 0 (fails every criterion) to 1 (meets them all).",
        "Evaluation criteria",
        0.7);

    /// <summary><c>answer-relevance</c>: the answer addresses the question asked (the case's <c>query</c> variable, else the prompt); passes at 0.7.</summary>
    public static JudgeKind Relevance { get; } = new(
        "answer-relevance",
        "Decide how directly the answer addresses the question: 1 when it answers exactly what was asked, 0 when it is about something else.",
        "Question",
        0.7);

    /// <summary>Every judge kind.</summary>
    public static IReadOnlyList<JudgeKind> All { get; } = [Rubric, ClosedQa, Factuality, GEval, Relevance];

    /// <summary>The factuality choices that pass.</summary>
    public static bool PassingChoice(string choice) => choice is "A" or "B" or "C" or "E";
}
