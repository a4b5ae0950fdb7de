namespace Evolve.Kernel.Agents.Safety;

/// <summary>A parsed shell line: its pipelines in order, and the text of every $(...), `...` and &lt;(...) in it.</summary>
internal sealed record ShellParse(IReadOnlyList<IReadOnlyList<SimpleCommand>> Pipelines, IReadOnlyList<string> Substitutions);
