namespace Evolve.Kernel.Agents.Safety;

/// <summary>A tool call that a rule says needs a human's yes.</summary>
/// <param name="Tool">The tool's name.</param>
/// <param name="Subject">The command line or path the tool would act on.</param>
/// <param name="Rule">The rule that asked, as text.</param>
public sealed record ApprovalRequest(string Tool, string Subject, string Rule);
