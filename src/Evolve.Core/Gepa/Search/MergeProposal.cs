namespace Evolve.Core.Gepa.Search;

/// <summary>A planned system-aware merge of two survivors, ready for the gate evaluation.</summary>
/// <param name="ParentA">Id of the first parent.</param>
/// <param name="ParentB">Id of the second parent.</param>
/// <param name="Ancestor">Id of the common ancestor the changes were measured against.</param>
/// <param name="Components">The child's component texts, in ordinal order of name.</param>
/// <param name="GateCaseIds">Validation cases for the gate, stratified by where each parent wins.</param>
public sealed record MergeProposal(
    string ParentA,
    string ParentB,
    string Ancestor,
    IReadOnlyDictionary<string, string> Components,
    IReadOnlyList<string> GateCaseIds);
