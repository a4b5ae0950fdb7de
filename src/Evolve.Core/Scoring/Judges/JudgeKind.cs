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
    /// <summary>What the judge reads as the text it grades: the answer, or for the context kinds the retrieved context.</summary>
    public string SubjectLabel { get; init; } = "Answer";

    /// <summary>Where the criterion and the graded text come from.</summary>
    public JudgeInput Input { get; init; } = JudgeInput.Value;

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

    /// <summary>
    /// <c>context-faithfulness</c>: the answer's claims are supported by the case's <c>context</c>
    /// var (for the question in <c>query</c>); the score is the share supported; threshold 0 by
    /// default, as in promptfoo.
    /// </summary>
    public static JudgeKind ContextFaithfulness { get; } = new(
        "context-faithfulness",
        "Decide what share of the claims in the answer the context supports: 1 when every claim can be found in or inferred from the context, 0 when none can. Pass only if every claim is supported.",
        "Question and context",
        0)
    { Input = JudgeInput.Faithfulness };

    /// <summary><c>context-recall</c>: the reference (the value) can be attributed to the case's <c>context</c> var, else the prompt; threshold 0 by default.</summary>
    public static JudgeKind ContextRecall { get; } = new(
        "context-recall",
        "Decide what share of the statements in the reference can be attributed to the context: 1 when all of them, 0 when none. Pass only if all can.",
        "Reference",
        0)
    { Input = JudgeInput.Recall, SubjectLabel = "Context" };

    /// <summary><c>context-relevance</c>: the case's <c>context</c> var is relevant to its <c>query</c>; the score is the share relevant; threshold 0 by default.</summary>
    public static JudgeKind ContextRelevance { get; } = new(
        "context-relevance",
        "Decide what share of the context is relevant to answering the question: 1 when all of it, 0 when none. Pass if the context holds what the question needs.",
        "Question",
        0)
    { Input = JudgeInput.ContextRelevance, SubjectLabel = "Context" };

    /// <summary><c>conversation-relevance</c>: the answer is relevant to the conversation so far (the prompt, or the <c>_conversation</c> var); passes at 0.5.</summary>
    public static JudgeKind ConversationRelevance { get; } = new(
        "conversation-relevance",
        "Decide how relevant the answer is to the conversation: 1 when it responds to what was said, 0 when it ignores it.",
        "Conversation",
        0.5)
    { Input = JudgeInput.Conversation };

    /// <summary>Every judge kind.</summary>
    public static IReadOnlyList<JudgeKind> All { get; } = [Rubric, ClosedQa, Factuality, GEval, Relevance, ContextFaithfulness, ContextRecall, ContextRelevance, ConversationRelevance];

    /// <summary>The factuality choices that pass.</summary>
    public static bool PassingChoice(string choice) => choice is "A" or "B" or "C" or "E";
}
