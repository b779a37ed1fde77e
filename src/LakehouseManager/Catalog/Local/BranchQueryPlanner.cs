using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Prepares SQL to run at one branch: finds the tables and views it names (longest known prefix of each dotted
/// chain, case-insensitive as in Dremio), collects the views it needs transitively and only those, in dependency
/// order, checks Dremio's AT clauses, and rewrites every catalog name to its SQLite name.
/// </summary>
internal sealed partial class BranchQueryPlanner
{
    private readonly CatalogStore _store;
    private readonly string _branch;
    private readonly CommitNode _head;
    private readonly IReadOnlyDictionary<ContentKey, string> _overrides;
    private readonly string? _sourceName;
    private readonly Dictionary<ContentKey, LocalObject?> _resolved = [];
    private readonly Dictionary<ContentKey, Analysis> _views = [];
    private readonly List<ContentKey> _order = [];
    private readonly List<ContentKey> _visiting = [];
    private Dictionary<string, List<string>>? _viewKeysIgnoringCase;

    /// <summary>
    /// A planner for SQL at the branch whose head is <paramref name="head"/>; <paramref name="overrides"/> are view
    /// texts that replace (or add to) the branch's, e.g. a view being created; names that start with
    /// <paramref name="sourceName"/> (Dremio's source) also resolve without it.
    /// </summary>
    public BranchQueryPlanner(
        CatalogStore store,
        string branch,
        CommitNode head,
        IReadOnlyDictionary<ContentKey, string>? overrides = null,
        string? sourceName = null)
    {
        _store = store;
        _branch = branch;
        _head = head;
        _overrides = overrides ?? new Dictionary<ContentKey, string>();
        _sourceName = sourceName;
    }

    /// <summary>
    /// Plans a statement. Chains starting at <paramref name="nameChainStarts"/> are names a DDL statement defines
    /// (CREATE TABLE x): they become their SQLite name whether or not they exist.
    /// </summary>
    public async Task<QueryPlan> PlanAsync(
        ParsedSql sql, IReadOnlySet<int>? nameChainStarts, CancellationToken cancellationToken)
    {
        var analysis = await AnalyzeAsync(sql, nameChainStarts, "the statement", cancellationToken).ConfigureAwait(false);
        foreach (var reference in analysis.References)
        {
            if (reference.Target is { Kind: LocalObjectKind.View } view)
            {
                await VisitAsync(view.Key, cancellationToken).ConfigureAwait(false);
            }
        }

        return await FinishAsync(analysis, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Plans the views one view needs, and the view itself last.</summary>
    public async Task<QueryPlan> PlanViewAsync(ContentKey key, CancellationToken cancellationToken)
    {
        await VisitAsync(key, cancellationToken).ConfigureAwait(false);
        return await FinishAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<QueryPlan> FinishAsync(Analysis? statement, CancellationToken cancellationToken)
    {
        var names = new Dictionary<ContentKey, string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in _order)
        {
            var baseName = SqliteNames.ToSqliteName(key);
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
            names[key] = name;
        }

        var views = _order.Select(k => new PlannedView(k, names[k], Render(_views[k], names, bodyOnly: true))).ToList();
        return new QueryPlan(views, statement is null ? string.Empty : Render(statement, names, bodyOnly: false));
    }

    private async Task VisitAsync(ContentKey key, CancellationToken cancellationToken)
    {
        if (_views.ContainsKey(key))
        {
            return;
        }

        var cycleStart = _visiting.IndexOf(key);
        if (cycleStart >= 0)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"Views at branch '{_branch}' reference each other in a cycle: " +
                string.Join(" -> ", _visiting.Skip(cycleStart).Append(key)) + ".");
        }

        _visiting.Add(key);
        var text = _overrides.TryGetValue(key, out var overridden)
            ? overridden
            : await LoadViewSqlAsync(key, cancellationToken).ConfigureAwait(false);
        var where = $"view {key}";
        ParsedSql sql;
        try
        {
            sql = ParsedSql.Parse(text);
        }
        catch (CatalogException exception)
        {
            throw new CatalogException(exception.Kind, $"In {where} at branch '{_branch}': {exception.Message}", exception);
        }

        if (!SqlStatementText.IsQuery(sql.Significant))
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"The SQL of {where} at branch '{_branch}' is not a query: it must start with SELECT, WITH or VALUES.");
        }

        var analysis = await AnalyzeAsync(sql, null, where, cancellationToken).ConfigureAwait(false);
        foreach (var reference in analysis.References)
        {
            if (reference.Target is { Kind: LocalObjectKind.View } view)
            {
                await VisitAsync(view.Key, cancellationToken).ConfigureAwait(false);
            }
        }

        _visiting.RemoveAt(_visiting.Count - 1);
        _views[key] = analysis;
        _order.Add(key);
    }

    private async Task<string> LoadViewSqlAsync(ContentKey key, CancellationToken cancellationToken)
    {
        var sqlId = await _store.GetSqlIdAsync(_head.Id, StorageKey.Encode(key), cancellationToken).ConfigureAwait(false)
            ?? throw new CatalogException(
                CatalogErrorKind.BadRequest, $"View {key} does not exist at branch '{_branch}'.");
        return await _store.GetSqlTextAsync(sqlId, cancellationToken).ConfigureAwait(false);
    }

    private static string Render(Analysis analysis, Dictionary<ContentKey, string> names, bool bodyOnly)
    {
        var replacements = new Dictionary<int, (int Last, string Text)>();
        foreach (var reference in analysis.References)
        {
            var name = reference.FixedName ?? (reference.Target!.Kind == LocalObjectKind.Table
                ? reference.Target.StoredName
                : names[reference.Target.Key]);
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
