using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>The branch a batch started from and the view changes staged on it, in statement order.</summary>
internal sealed class ViewBatch(CatalogBranch head)
{
    private readonly Dictionary<ContentKey, string?> _pending = [];
    private readonly Dictionary<ContentKey, bool> _atHead = [];
    private readonly List<ContentKey> _order = [];

    public CatalogBranch Head { get; } = head;

    /// <summary>The staged texts by key; null for a view dropped.</summary>
    public IReadOnlyDictionary<ContentKey, string?> Pending => _pending;

    public IEnumerable<(ContentKey Key, string? Sql, bool ExistedAtHead)> Changes =>
        _order.Select(k => (k, _pending[k], _atHead[k]));

    /// <summary>Whether the view exists once the staged changes are applied.</summary>
    public async Task<bool> ExistsAsync(LocalCatalog catalog, ContentKey key, CancellationToken cancellationToken)
    {
        if (!_atHead.ContainsKey(key))
        {
            _atHead[key] = (await catalog.GetViewsAsync(Head.Hash, [key], cancellationToken).ConfigureAwait(false)).Count > 0;
        }

        return _pending.TryGetValue(key, out var sql) ? sql is not null : _atHead[key];
    }

    public void Stage(ContentKey key, string? sql)
    {
        if (!_pending.ContainsKey(key))
        {
            _order.Add(key);
        }

        _pending[key] = sql;
    }
}
