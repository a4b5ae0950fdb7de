namespace Evolve.Cli.Tests.Architecture;

/// <summary>
/// What one project depends on and grants: <paramref name="References"/> are project, package and
/// assembly names; <paramref name="InternalsVisibleTo"/> the assemblies its internals are open to.
/// </summary>
internal sealed record ProjectFacts(string Name, IReadOnlyList<string> References, IReadOnlyList<string> InternalsVisibleTo);
