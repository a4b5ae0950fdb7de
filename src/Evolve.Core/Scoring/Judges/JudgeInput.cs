namespace Evolve.Core.Scoring.Judges;

/// <summary>Where a judge kind takes its criterion and the text it grades from.</summary>
internal enum JudgeInput
{
    /// <summary>The criterion is the assertion's value (answer-relevance: the question when there is none); the answer is graded.</summary>
    Value,

    /// <summary>The criterion is the <c>query</c> var and the <c>context</c> var; the answer is graded against them.</summary>
    Faithfulness,

    /// <summary>The criterion is the assertion's value (a reference); the <c>context</c> var, else the prompt, is graded.</summary>
    Recall,

    /// <summary>The criterion is the <c>query</c> var; the <c>context</c> var is graded.</summary>
    ContextRelevance,

    /// <summary>The criterion is the conversation (the <c>_conversation</c> var, else the prompt); the answer is graded.</summary>
    Conversation,
}
