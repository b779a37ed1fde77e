using LakehouseManager.Dremio;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Views;

/// <summary>
/// The first SQL source for a catalog that Dremio serves (design §3): Dremio's catalog API at the commit,
/// <c>POST catalog/by-paths</c> with up to 50 views a call, several calls at once (or <c>GET catalog/by-path</c> one
/// view at a time on a Dremio without by-paths). A view Dremio does not find at the commit is unresolved here, never
/// missing: the catalog listed it, so a later resolver may still read it.
/// </summary>
internal sealed class DremioCatalogApiResolver : IViewSqlResolver
{
    private readonly DremioViewSqlReader _reader;
    private readonly int _parallelism;

    public DremioCatalogApiResolver(DremioViewSqlReader reader, int parallelism = BoundedParallel.DefaultDegree)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _parallelism = parallelism;
    }

    public string Description => "Dremio's catalog API";

    public async Task<IReadOnlyList<ViewSql>> ResolveAsync(
        string hash, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var chunks = entries.Select(e => e.Key).Distinct().Chunk(DremioClient.MaxPathsPerCall).ToList();
        var answers = await BoundedParallel.MapAsync(
            chunks, _parallelism, (chunk, token) => _reader.ReadByPathsAsync(chunk, hash, token), cancellationToken)
            .ConfigureAwait(false);
        var byKey = answers.SelectMany(a => a).ToDictionary(a => a.Key, a => a.Value);
        return [.. entries.Select(e => Port(byKey[e.Key], hash))];
    }

    private static ViewSql Port(ViewSql result, string hash) => result is ViewSql.Missing missing
        ? new ViewSql.Unresolved(missing.Key, $"Dremio has no view there at {HashText.Short(hash)}")
        : result;
}
