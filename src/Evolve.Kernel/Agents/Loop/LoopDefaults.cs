namespace Evolve.Kernel.Agents.Loop;

/// <summary>Defaults of the ReAct loop.</summary>
public static class LoopDefaults
{
    /// <summary>The heuristics knob that sets the step limit.</summary>
    public const string MaxStepsKey = "max_steps";

    /// <summary>Model calls per session when the heuristics do not say.</summary>
    public const int MaxSteps = 6;

    /// <summary>Upper bound on any configured step limit, so a typo cannot run away.</summary>
    public const int MaxStepsCeiling = 50;

    /// <summary>The same tool call this many times in a row is a doom loop.</summary>
    public const int DoomRepeats = 3;
}
