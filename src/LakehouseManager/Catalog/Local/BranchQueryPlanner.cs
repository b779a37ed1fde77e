using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Prepares SQL to run at one branch: finds the tables and views it names (longest known prefix of each dotted
/// chain, case-insensitive as in Dremio), collects the views it needs transitively and only those, in dependency
/// order, and rewrites every catalog name to its SQLite name. Dremio's <c>AT BRANCH | TAG | COMMIT | REF[ERENCE]</c>
/// on a table or view reads it at that version, as Dremio does: data tables are shared by all branches, so only a
/// view differs, and a view at another version is instantiated from that version's definition, with the views it
/// reads (unless they name a version of their own) at that same version. References without a clause read the
/// branch under test.
/// </summary>
internal sealed partial class BranchQueryPlanner
{
    private readonly CatalogStore _store;
    private readonly PlannedVersion _base;
    private readonly IReadOnlyDictionary<ContentKey, string?> _overrides;
    private readonly string? _sourceName;
    private readonly string _catalogDescription;
    private readonly Dictionary<(ContentKey Key, long CommitId), LocalObject?> _resolved = [];
    private readonly Dictionary<VersionedView, Analysis> _views = [];
    private readonly List<VersionedView> _order = [];
    private readonly List<VersionedView> _visiting = [];
    private readonly Dictionary<long, Dictionary<string, List<string>>> _viewKeysIgnoringCase = [];
    private readonly Dictionary<(string? Kind, string Value), PlannedVersion> _versions = [];

    /// <summary>
    /// A planner for SQL at the branch whose head is <paramref name="head"/>; <paramref name="overrides"/> are view
    /// texts that replace (or add to) the branch's, e.g. a view being created, and a null text removes the view (one
    /// being dropped); names that start with <paramref name="sourceName"/> (Dremio's source) also resolve without it.
    /// </summary>
    public BranchQueryPlanner(
        CatalogStore store,
        string branch,
        CommitNode head,
        IReadOnlyDictionary<ContentKey, string?>? overrides = null,
        string? sourceName = null,
        string catalogDescription = "local catalog")
    {
        _store = store;
        _base = new PlannedVersion(head, $"branch '{branch}'", IsBase: true);
        _overrides = overrides ?? new Dictionary<ContentKey, string?>();
        _sourceName = sourceName;
        _catalogDescription = catalogDescription;
    }

    /// <summary>
    /// Plans a statement. Chains starting at <paramref name="nameChainStarts"/> are names a DDL statement defines
    /// (CREATE TABLE x): they become their SQLite name whether or not they exist.
    /// </summary>
    public async Task<QueryPlan> PlanAsync(
        ParsedSql sql, IReadOnlySet<int>? nameChainStarts, CancellationToken cancellationToken)
    {
        var analysis = await AnalyzeAsync(sql, nameChainStarts, "the statement", _base, cancellationToken).ConfigureAwait(false);
        foreach (var reference in analysis.References)
        {
            if (reference.View is { } view)
            {
                await VisitAsync(view, cancellationToken).ConfigureAwait(false);
            }
        }

        return await FinishAsync(analysis, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Plans the views one view of the branch needs, and the view itself last.</summary>
    public async Task<QueryPlan> PlanViewAsync(ContentKey key, CancellationToken cancellationToken)
    {
        await VisitAsync(new VersionedView(key, _base.Commit.Id, IsBase: true), cancellationToken).ConfigureAwait(false);
        return await FinishAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<QueryPlan> FinishAsync(Analysis? statement, CancellationToken cancellationToken)
    {
        var names = new Dictionary<VersionedView, string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var view in _order)
        {
            var baseName = SqliteNames.ToSqliteName(view.Key);
            if (!view.IsBase)
            {
                baseName += "@" + _versions.Values.First(v => v.Commit.Id == view.CommitId).Commit.Hash[..12];
            }

            // SQLite's and the catalog's own names are kept clear of, so a TEMP view never shadows their tables.
            if (baseName.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase) ||
                baseName.StartsWith(LocalCatalogSchema.ReservedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                baseName = "view~" + baseName;
            }

            // A TEMP view shadows a main table of the same name, so a view never takes a data table's name.
            var name = baseName;
            for (var n = 2; used.Contains(name) ||
                await _store.FindTableAsync(name, cancellationToken).ConfigureAwait(false) is not null; n++)
            {
                name = $"{baseName}~{n}";
            }

            used.Add(name);
            names[view] = name;
        }

        var views = _order.Select(v => new PlannedView(v.Key, names[v], Render(_views[v], names, bodyOnly: true))).ToList();
        return new QueryPlan(views, statement is null ? string.Empty : Render(statement, names, bodyOnly: false));
    }

    private async Task VisitAsync(VersionedView view, CancellationToken cancellationToken)
    {
        if (_views.ContainsKey(view))
        {
            return;
        }

        var version = VersionOf(view);
        var cycleStart = _visiting.IndexOf(view);
        if (cycleStart >= 0)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"Views at {version.Description} reference each other in a cycle: " +
                string.Join(" -> ", _visiting.Skip(cycleStart).Append(view)) + ".");
        }

        _visiting.Add(view);
        var text = view.IsBase && _overrides.TryGetValue(view.Key, out var overridden) && overridden is not null
            ? overridden
            : await LoadViewSqlAsync(view.Key, version, cancellationToken).ConfigureAwait(false);
        var where = $"view {view.Key}";
        ParsedSql sql;
        try
        {
            sql = ParsedSql.Parse(text);
        }
        catch (CatalogException exception)
        {
            throw new CatalogException(exception.Kind, $"In {where} at {version.Description}: {exception.Message}", exception);
        }

        if (!SqlStatementText.IsQuery(sql.Significant))
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"The SQL of {where} at {version.Description} is not a query: it must start with SELECT, WITH or VALUES.");
        }

        var analysis = await AnalyzeAsync(sql, null, $"{where} at {version.Description}", version, cancellationToken)
            .ConfigureAwait(false);
        foreach (var reference in analysis.References)
        {
            if (reference.View is { } next)
            {
                await VisitAsync(next, cancellationToken).ConfigureAwait(false);
            }
        }

        _visiting.RemoveAt(_visiting.Count - 1);
        _views[view] = analysis;
        _order.Add(view);
    }

    private PlannedVersion VersionOf(VersionedView view) =>
        view.IsBase ? _base : _versions.Values.First(v => v.Commit.Id == view.CommitId);

    private async Task<string> LoadViewSqlAsync(ContentKey key, PlannedVersion version, CancellationToken cancellationToken)
    {
        var dropped = version.IsBase && _overrides.TryGetValue(key, out var overridden) && overridden is null;
        var sqlId = dropped
            ? null
            : await _store.GetSqlIdAsync(version.Commit.Id, StorageKey.Encode(key), cancellationToken).ConfigureAwait(false);
        return sqlId is { } id
            ? await _store.GetSqlTextAsync(id, cancellationToken).ConfigureAwait(false)
            : throw new CatalogException(CatalogErrorKind.BadRequest, $"View {key} does not exist at {version.Description}.");
    }

    private static string Render(Analysis analysis, Dictionary<VersionedView, string> names, bool bodyOnly)
    {
        var replacements = new Dictionary<int, (int Last, string Text)>();
        foreach (var reference in analysis.References)
        {
            var name = reference.FixedName ?? (reference.View is { } view ? names[view] : reference.Target!.StoredName);
            replacements[reference.FirstToken] = (reference.LastToken, SqliteNames.Quote(name));
            if (reference.Version is { } version)
            {
                replacements[version.FirstToken] = (version.LastToken, string.Empty);
            }
        }

        var tokens = analysis.Sql.Tokens;
        var end = bodyOnly && analysis.Sql.Terminator >= 0 ? analysis.Sql.Terminator : tokens.Count;
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < end; i++)
        {
            if (replacements.TryGetValue(i, out var replacement))
            {
                builder.Append(replacement.Text);
                i = replacement.Last;
            }
            else
            {
                builder.Append(tokens[i].Text);
            }
        }

        return bodyOnly ? builder.ToString().Trim() : builder.ToString();
    }
}
