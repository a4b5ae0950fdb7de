namespace Evolve.Core.Reports.Run;

/// <summary>One artifact changed from a parent to an accepted child.</summary>
/// <param name="ParentId">The parent's id.</param>
/// <param name="ChildId">The child's id.</param>
/// <param name="Operator">How the child was made.</param>
/// <param name="Component">The artifact's file name.</param>
/// <param name="Before">The parent's text.</param>
/// <param name="After">The child's text.</param>
internal sealed record DiffEntry(string ParentId, string ChildId, string Operator, string Component, string Before, string After);
