namespace Evolve.Kernel.Agents.Safety;

/// <summary>
/// One allow / ask / deny rule. Both patterns are globs where <c>*</c> matches any run of
/// characters (slashes and spaces included) and <c>?</c> one character. Commands are matched
/// after their wrappers (sudo, env, timeout, sh -c ...) are removed, one simple command at a
/// time; paths are matched relative to the guard's root with <c>/</c> separators.
/// </summary>
/// <param name="Tool">Glob over tool names, e.g. <c>run_python</c> or <c>*</c>.</param>
/// <param name="Pattern">Glob over the subject, e.g. <c>git *</c> or <c>secrets/*</c>.</param>
/// <param name="Permission">What a match decides; among several matches the last one wins.</param>
public sealed record SafetyRule(string Tool, string Pattern, ToolPermission Permission);
