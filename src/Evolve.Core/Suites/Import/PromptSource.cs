namespace Evolve.Core.Suites.Import;

/// <summary>One prompt of a promptfoo config, with where it was written (for warnings).</summary>
internal sealed record PromptSource(string Text, string File, int Line);
