using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Views;

/// <summary>
/// A view at a commit, as the view-SQL port sees it: resolved (with its SQL), missing (no such view at that commit),
/// or unresolved (it exists, but its SQL could not be read now, with the reason). An unresolved view is never taken
/// for a deleted one.
/// </summary>
public abstract record ViewSql(ContentKey Key)
{
    /// <summary>The view exists and this is its SQL text, exactly as the catalog holds it.</summary>
    public sealed record Resolved(ContentKey Key, string Sql) : ViewSql(Key);

    /// <summary>There is no view of that key at the commit.</summary>
    public sealed record Missing(ContentKey Key) : ViewSql(Key);

    /// <summary>The view exists, but its SQL could not be read; <see cref="Reason"/> says why, in plain words.</summary>
    public sealed record Unresolved(ContentKey Key, string Reason) : ViewSql(Key);
}
