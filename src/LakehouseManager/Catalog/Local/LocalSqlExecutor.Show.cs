using System.Globalization;
using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>The SHOW statements, with Dremio's column names.</summary>
public sealed partial class LocalSqlExecutor
{
    private async Task<LocalSqlResult> ShowBranchesAsync(CancellationToken cancellationToken)
    {
        var branches = await _catalog.ListBranchesAsync(cancellationToken).ConfigureAwait(false);
        var rows = branches.Select(b => (IReadOnlyList<object?>)new object?[] { "BRANCH", b.Name, b.Hash }).ToList();
        return new LocalSqlResult(["type", "refName", "commitHash"], rows, Count(rows.Count, "branch", "branches"));
    }

    private async Task<LocalSqlResult> ShowViewsAsync(
        CatalogBranch head, ShowViewsStatement statement, CancellationToken cancellationToken)
    {
        var (hash, _) = await ResolveRefAsync(head, statement.At, cancellationToken).ConfigureAwait(false);
        var rows = new List<IReadOnlyList<object?>>();
        var truncated = false;
        await foreach (var view in _catalog.ListAllViewsAsync(hash, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (statement.Namespace is { } ns && !IsUnder(view.Key, ns))
            {
                continue;
            }

            if (rows.Count == _maxRows)
            {
                truncated = true;
                break;
            }

            rows.Add([view.Key.ToString(), view.Sql]);
        }

        return new LocalSqlResult(["path", "sql_definition"], rows, Count(rows.Count, "view", "views"))
        {
            Truncated = truncated,
            IsViewDefinitions = true,
        };
    }

    private async Task<LocalSqlResult> ShowTablesAsync(ShowTablesStatement statement, CancellationToken cancellationToken)
    {
        var tables = await _catalog.ListDataTablesAsync(cancellationToken).ConfigureAwait(false);
        var rows = tables
            .Where(t => statement.Namespace is null || IsUnder(t, statement.Namespace))
            .Select(t => (IReadOnlyList<object?>)new object?[] { t.ToString() })
            .ToList();
        return new LocalSqlResult(["path"], rows, Count(rows.Count, "table", "tables"));
    }

    private async Task<LocalSqlResult> ShowLogAsync(CatalogBranch head, ShowLogStatement statement, CancellationToken cancellationToken)
    {
        var (hash, _) = await ResolveRefAsync(head, statement.At, cancellationToken).ConfigureAwait(false);
        var log = await _catalog.GetLogFromAsync(hash, _maxRows, cancellationToken).ConfigureAwait(false);
        var rows = log
            .Select(c => (IReadOnlyList<object?>)new object?[]
            {
                c.Hash, c.Author, c.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture), c.Message,
            })
            .ToList();
        return new LocalSqlResult(["commitHash", "authorName", "authorTimeStamp", "message"], rows, Count(rows.Count, "commit", "commits"));
    }

    private async Task<LocalSqlResult> ShowCreateViewAsync(
        CatalogBranch head, ShowCreateViewStatement statement, CancellationToken cancellationToken)
    {
        var (hash, description) = await ResolveRefAsync(head, statement.At, cancellationToken).ConfigureAwait(false);
        var view = (await _catalog.GetViewsAsync(hash, [statement.Key], cancellationToken).ConfigureAwait(false))
            .SingleOrDefault()
            ?? throw new CatalogException(
                CatalogErrorKind.BadRequest, $"View {statement.Key} does not exist at {description}.");
        return new LocalSqlResult(
            ["path", "sql_definition"], [[$"[{view.Key}] at {description}", view.Sql]], $"View {view.Key} at {description}.")
        {
            IsViewDefinitions = true,
        };
    }

    private static bool IsUnder(ContentKey key, ContentKey ns) =>
        key.Elements.Length > ns.Elements.Length &&
        key.Elements.Take(ns.Elements.Length).SequenceEqual(ns.Elements, StringComparer.Ordinal);

    private static string Count(int count, string one, string many) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}.";
}
