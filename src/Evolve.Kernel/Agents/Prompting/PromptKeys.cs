namespace Evolve.Kernel.Agents.Prompting;

/// <summary>Request property names the prompt builder sets; the "evolve." prefix keeps them in-process.</summary>
public static class PromptKeys
{
    /// <summary>The SHA-256 of the assembled system prompt, for recording with the session.</summary>
    public const string SystemSha256 = "evolve.prompt_sha256";
}
