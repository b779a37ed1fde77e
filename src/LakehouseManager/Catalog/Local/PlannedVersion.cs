using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// A version of the catalog a query reads views at: the branch under test (<see cref="IsBase"/>, the only one the
/// planner's overrides apply to), or a branch or commit an <c>AT</c> clause names. <see cref="Description"/> names it
/// in messages ("branch 'main'", "commit 0123abcd…").
/// </summary>
internal sealed record PlannedVersion(CommitNode Commit, string Description, bool IsBase);

/// <summary>A view at a version: what the planner instantiates once per query, as one TEMP view.</summary>
internal readonly record struct VersionedView(ContentKey Key, long CommitId, bool IsBase)
{
    public override string ToString() => Key.ToString();
}
