namespace Evolve.Core.Evaluation;

/// <summary>What a job builds a model for; the sandbox policy looks only at the task model.</summary>
public enum ModelRole
{
    /// <summary>The model that answers the cases (and whose code the scorer runs).</summary>
    Task,

    /// <summary>The model that reads failures and proposes new candidates; its text is never run.</summary>
    Reflection,

    /// <summary>The model that grades answers for model-graded assertions (<c>llm-rubric</c> and the like); its calls are counted apart.</summary>
    Judge,
}
