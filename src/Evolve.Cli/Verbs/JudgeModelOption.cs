using System.CommandLine;

namespace Evolve.Cli.Verbs;

/// <summary><c>--judge-model</c>, shared by every verb that scores: the model that grades model-graded assertions.</summary>
internal static class JudgeModelOption
{
    public static Option<string?> Create() => new("--judge-model")
    {
        Description = "Model URI that grades llm-rubric, model-graded-closedqa, factuality, g-eval and answer-relevance assertions "
            + "(default: sim, the simulator's judge, which matches the rubric's key words; its scores are synthetic)",
    };
}
