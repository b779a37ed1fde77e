using System.Net;
using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Catalog.Views;
using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Tests.Catalog.Nessie;
using LakehouseManager.Tests.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Views;

/// <summary>
/// The view-SQL resolvers over Dremio and the metadata files, in the order of design §3, against the Nessie fake with
/// the Dremio fake serving it as a source.
/// </summary>
public sealed class ViewSqlResolverTests : IAsyncLifetime
{
    private const string Source = "lakehouse";
    private NessieFake _nessie = null!;
    private DremioFake _dremio = null!;
    private DremioClient _dremioClient = null!;
    private NessieClient _nessieClient = null!;
    private NessieCatalog _catalog = null!;
    private DremioViewSqlReader _reader = null!;
    private IcebergViewMetadataReader _files = null!;

    public async Task InitializeAsync()
    {
        _nessie = await NessieFake.StartAsync();
        _dremio = await DremioFake.StartAsync();
        _nessie.ServeDremio(_dremio, Source);
        _dremioClient = DremioTestKit.SoftwareClient(_dremio);
        _nessieClient = NessieTestKit.Client(_nessie);
        _catalog = new NessieCatalog(_nessieClient);
        _reader = new DremioViewSqlReader(_dremioClient, new DremioQueryEngine(_dremioClient, Source, DremioTestKit.FastPolling), Source);
        _files = new IcebergViewMetadataReader();
    }

    public async Task DisposeAsync()
    {
        _files.Dispose();
        _nessieClient.Dispose();
        _dremioClient.Dispose();
        await _dremio.DisposeAsync();
        await _nessie.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task The_catalog_api_reads_fifty_views_a_call_and_a_view_dremio_lacks_is_unresolved_not_missing()
    {
        var seed = NessieFakeSeeder.Seed(_nessie, 120);
        var entries = await EntriesAsync(seed.Head);
        var ghost = new CatalogEntry(NessieTestKit.Key("no.such.view"), "id", new ViewContent(null, null, null));

        var results = await new DremioCatalogApiResolver(_reader, parallelism: 3).ResolveAsync(seed.Head, [.. entries, ghost]);

        Assert.Equal(3, _dremio.To("POST", "catalog/by-paths").Count);
        Assert.Equal([.. entries.Select(e => e.Key), ghost.Key], results.Select(r => r.Key));
        Assert.Equal(120, results.OfType<ViewSql.Resolved>().Count());
        Assert.Equal(NessieFakeSeeder.SqlOf(41), ((ViewSql.Resolved)results.Single(r => r.Key == seed.Views[41])).Sql);
        Assert.Contains("Dremio has no view there", Assert.IsType<ViewSql.Unresolved>(results[^1]).Reason, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_dremio_without_by_paths_is_read_one_path_at_a_time()
    {
        var seed = NessieFakeSeeder.Seed(_nessie, 5);
        _dremio.Map("POST", "^catalog/by-paths$", _ => DremioFakeResponse.Error(HttpStatusCode.NotFound, "HTTP 404 Not Found"));

        var results = await new DremioCatalogApiResolver(_reader).ResolveAsync(seed.Head, await EntriesAsync(seed.Head));

        Assert.All(results, r => Assert.IsType<ViewSql.Resolved>(r));
        Assert.Single(_dremio.To("POST", "catalog/by-paths"));
        Assert.Equal(5, _dremio.Requests.Count(r => r.ApiPath?.StartsWith("catalog/by-path/", StringComparison.Ordinal) == true));
    }

    [Fact(Timeout = 30_000)]
    public async Task Show_create_view_runs_one_job_per_view_at_the_commit()
    {
        var first = _nessie.Views.CreateView("main", NessieTestKit.Key("s.a"), "SELECT 'a1'");
        _nessie.Views.CreateView("main", NessieTestKit.Key("s.b"), "SELECT 'b1'");
        var at = _nessie.Views.AlterView("main", NessieTestKit.Key("s.a"), "SELECT 'a2'");
        _nessie.Views.AlterView("main", NessieTestKit.Key("s.b"), "SELECT 'b2'");

        var results = await new ShowCreateViewResolver(_reader, parallelism: 2).ResolveAsync(at, await EntriesAsync(at));

        Assert.Equal(
            [new ViewSql.Resolved(NessieTestKit.Key("s.a"), "SELECT 'a2'"), new ViewSql.Resolved(NessieTestKit.Key("s.b"), "SELECT 'b1'")],
            results);
        Assert.Equal(2, _dremio.Submissions.Count);
        Assert.All(_dremio.Submissions, s => Assert.EndsWith($"AT COMMIT \"{at}\"", s.Sql, StringComparison.Ordinal));
        Assert.NotEqual(first, at);
    }

    [Fact(Timeout = 30_000)]
    public async Task Plain_nessie_reads_the_metadata_file_and_never_takes_dremios_placeholder_for_sql()
    {
        _nessie.Views.CreateView("main", NessieTestKit.Key("s.readable"), "SELECT 1");
        var head = _nessie.Views.CreateView("main", NessieTestKit.Key("s.unreadable"), "SELECT 2");
        _nessie.Views.MakeUnreadable("main", NessieTestKit.Key("s.unreadable"));
        var chain = new ChainedViewSqlResolver(new IcebergMetadataResolver(_files), new ContentSqlTextResolver());

        var results = await chain.ResolveAsync(head, await EntriesAsync(head));

        Assert.Equal(new ViewSql.Resolved(NessieTestKit.Key("s.readable"), "SELECT 1"), results[0]);
        var reason = Assert.IsType<ViewSql.Unresolved>(results[1]).Reason;
        Assert.Contains("the Iceberg view metadata file: the metadata file", reason, StringComparison.Ordinal);
        Assert.Contains("only Dremio's placeholder", reason, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Sql_that_nessie_holds_itself_is_taken_when_the_metadata_file_is_gone()
    {
        var key = NessieTestKit.Key("s.spark_view");
        var head = _nessie.Views.CreateView("main", key, "SELECT 'from spark'", placeholder: false);
        _nessie.Views.MakeUnreadable("main", key);
        var chain = new ChainedViewSqlResolver(new IcebergMetadataResolver(_files), new ContentSqlTextResolver());

        var results = await chain.ResolveAsync(head, await EntriesAsync(head));

        Assert.Equal(new ViewSql.Resolved(key, "SELECT 'from spark'"), Assert.Single(results));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_view_no_source_can_read_is_unresolved_with_every_reason_in_order()
    {
        var key = NessieTestKit.Key("s.broken");
        var head = _nessie.Views.CreateView("main", key, "SELECT 1");
        _nessie.Views.MakeUnreadable("main", key);

        var result = Assert.Single(await DremioChain().ResolveAsync(head, await EntriesAsync(head)));

        var reason = Assert.IsType<ViewSql.Unresolved>(result).Reason;
        var order = new[] { "Dremio's catalog API:", "Dremio's SHOW CREATE VIEW:", "the Iceberg view metadata file:", "the SQL text in the catalog's content:" }
            .Select(part => reason.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_bootstrap_of_the_default_branch_head_is_one_information_schema_query()
    {
        var seed = NessieFakeSeeder.Seed(_nessie, 150);
        var entries = await EntriesAsync(seed.Head);
        var resolver = new DefaultBranchSnapshotResolver(DremioChain(), _catalog, _reader, minimumViews: 100);

        var first = await resolver.ResolveAsync(seed.Head, [.. entries.Take(120)]);
        var rest = await resolver.ResolveAsync(seed.Head, [.. entries.Skip(120)]);

        Assert.All(first.Concat(rest), r => Assert.IsType<ViewSql.Resolved>(r));
        Assert.Equal(NessieFakeSeeder.SqlOf(7), ((ViewSql.Resolved)first.Concat(rest).Single(r => r.Key == seed.Views[7])).Sql);
        Assert.Contains("INFORMATION_SCHEMA", Assert.Single(_dremio.Submissions).Sql, StringComparison.Ordinal);
        Assert.Empty(_dremio.To("POST", "catalog/by-paths"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_commit_that_is_not_the_default_branch_head_is_read_view_by_view()
    {
        var seed = NessieFakeSeeder.Seed(_nessie, 100);
        _nessie.Views.CreateView("main", NessieTestKit.Key("s.later"), "SELECT 1");
        var resolver = new DefaultBranchSnapshotResolver(DremioChain(), _catalog, _reader, minimumViews: 100);

        var results = await resolver.ResolveAsync(seed.Head, await EntriesAsync(seed.Head));

        Assert.All(results, r => Assert.IsType<ViewSql.Resolved>(r));
        Assert.Empty(_dremio.Submissions);
        Assert.Equal(2, _dremio.To("POST", "catalog/by-paths").Count);
    }

    private ChainedViewSqlResolver DremioChain() => new(
        new DremioCatalogApiResolver(_reader),
        new ShowCreateViewResolver(_reader),
        new IcebergMetadataResolver(_files),
        new ContentSqlTextResolver());

    private async Task<List<CatalogEntry>> EntriesAsync(string hash)
    {
        var entries = new List<CatalogEntry>();
        string? token = null;
        do
        {
            var page = await _catalog.ListViewsAsync(hash, token, 500);
            entries.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);

        return entries;
    }
}
