using LakehouseManager.DataTests;
using LakehouseManager.Naming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakehouseManager.Catalog.Views;

/// <summary>
/// The bulk read for a Dremio catalog's default branch (design §3): when many views are asked for at the default
/// branch's head (a bootstrap, a VerifyMirror), one <c>INFORMATION_SCHEMA."VIEWS"</c> query answers them all instead of
/// one call per view; what it does not answer goes to the resolvers behind it. Dremio reads INFORMATION_SCHEMA only at
/// the default branch's current head, so the query is used only when that head is the commit asked for, before and
/// after the query; otherwise everything goes to the resolvers behind it.
/// </summary>
/// <remarks>
/// The query reads every view of the branch, so it pays only when most of them are asked for: it is used once the
/// views asked for at one commit reach <see cref="DefaultMinimumViews"/> (a full listing page), never for the few keys
/// of an incremental sync, whose cost must not grow with the catalog.
/// </remarks>
internal sealed class DefaultBranchSnapshotResolver : IViewSqlResolver
{
    /// <summary>Until this many views are asked for at one commit, they are read through the resolvers behind.</summary>
    public const int DefaultMinimumViews = CatalogExtensions.DefaultPageSize;

    private readonly IViewSqlResolver _inner;
    private readonly ICatalog _catalog;
    private readonly DremioViewSqlReader _reader;
    private readonly int _minimumViews;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _countGate = new();
    private (string Hash, IReadOnlyDictionary<ContentKey, string>? Views)? _snapshot;
    private (string Hash, int Count) _asked = ("", 0);

    public DefaultBranchSnapshotResolver(
        IViewSqlResolver inner, ICatalog catalog, DremioViewSqlReader reader, int minimumViews = DefaultMinimumViews, ILogger? logger = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _minimumViews = minimumViews;
        _logger = logger ?? NullLogger.Instance;
    }

    public string Description => _inner.Description;

    public async Task<IReadOnlyList<ViewSql>> ResolveAsync(
        string hash, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var views = Asked(hash, entries.Count) >= _minimumViews
            ? await SnapshotAsync(hash, cancellationToken).ConfigureAwait(false)
            : null;
        if (views is null)
        {
            return await _inner.ResolveAsync(hash, entries, cancellationToken).ConfigureAwait(false);
        }

        var results = new ViewSql[entries.Count];
        var rest = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (views.TryGetValue(entries[i].Key, out var sql))
            {
                results[i] = new ViewSql.Resolved(entries[i].Key, sql);
            }
            else
            {
                rest.Add(i);
            }
        }

        if (rest.Count > 0)
        {
            var others = await _inner.ResolveAsync(hash, [.. rest.Select(i => entries[i])], cancellationToken).ConfigureAwait(false);
            for (var n = 0; n < rest.Count; n++)
            {
                results[rest[n]] = others[n];
            }
        }

        return results;
    }

    /// <summary>How many views have been asked for at <paramref name="hash"/>, these included.</summary>
    private int Asked(string hash, int count)
    {
        lock (_countGate)
        {
            _asked = _asked.Hash == hash ? (hash, _asked.Count + count) : (hash, count);
            return _asked.Count;
        }
    }

    /// <summary>The default branch's views by key when its head is <paramref name="hash"/>, else null; one query per hash.</summary>
    private async Task<IReadOnlyDictionary<ContentKey, string>?> SnapshotAsync(string hash, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_snapshot is { } known && known.Hash == hash)
            {
                return known.Views;
            }

            var views = await ReadAsync(hash, cancellationToken).ConfigureAwait(false);
            _snapshot = (hash, views);
            return views;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<ContentKey, string>?> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        var branch = await _catalog.GetDefaultBranchAsync(cancellationToken).ConfigureAwait(false);
        if (!await IsHeadAsync(branch, hash, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var views = new Dictionary<ContentKey, string>();
        var ambiguous = new HashSet<ContentKey>();
        try
        {
            await foreach (var row in _reader.ReadDefaultBranchViewsAsync(cancellationToken).ConfigureAwait(false))
            {
                // Dremio joins schema elements with dots and quotes nothing: two views whose keys differ only in where
                // the dots are share a row shape, and neither is taken from here.
                if (row.KeyUnder(_reader.Source) is { } key && !views.TryAdd(key, row.ViewDefinition))
                {
                    ambiguous.Add(key);
                }
            }
        }
        catch (QueryFailedException exception)
        {
            _logger.LogWarning(
                "INFORMATION_SCHEMA.\"VIEWS\" could not be read ({Reason}): the views are read one by one", exception.Message);
            return null;
        }

        if (!await IsHeadAsync(branch, hash, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogInformation(
                "Catalog branch {Branch} moved while INFORMATION_SCHEMA was read: the views of {Hash} are read one by one",
                branch, HashText.Short(hash));
            return null;
        }

        foreach (var key in ambiguous)
        {
            views.Remove(key);
        }

        _logger.LogInformation(
            "Read {Count} view definitions of {Branch} at {Hash} in one INFORMATION_SCHEMA query",
            views.Count, branch, HashText.Short(hash));
        return views;
    }

    private async Task<bool> IsHeadAsync(string branch, string hash, CancellationToken cancellationToken) =>
        (await _catalog.FindBranchAsync(branch, cancellationToken).ConfigureAwait(false))?.Hash is { } head &&
        string.Equals(head, hash, StringComparison.OrdinalIgnoreCase);
}
