using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>A view to instantiate as a TEMP view, under <see cref="TempName"/>, with its rewritten SQL.</summary>
internal sealed record PlannedView(ContentKey Key, string TempName, string Sql);

/// <summary>
/// A statement ready for SQLite: the views it needs, transitively and only those, in dependency order, and the
/// statement with every catalog name rewritten to its SQLite name.
/// </summary>
internal sealed record QueryPlan(IReadOnlyList<PlannedView> Views, string Sql);
