namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// An edit to one component of a parent that was tried and not accepted. Parents remember these so
/// the next reflection prompt can say "already tried" and the model does not propose it again.
/// </summary>
/// <param name="ParentId">The id of the candidate the edit was made to.</param>
/// <param name="Component">The component the edit changed (artifact file name).</param>
/// <param name="Summary">A short description of the edit, usually from <see cref="EditSummary.Describe"/>.</param>
public sealed record RejectedEdit(string ParentId, string Component, string Summary);
