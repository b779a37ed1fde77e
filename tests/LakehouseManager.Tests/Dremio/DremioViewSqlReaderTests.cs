using LakehouseManager.Catalog.Views;
using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Catalog.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

/// <summary>
/// View SQL through Dremio, with the Dremio fake serving the Nessie fake's catalog as a source: the catalog API at a
/// commit (one and up to 50 at once), SHOW CREATE VIEW at a commit, INFORMATION_SCHEMA for the default branch.
/// </summary>
public sealed class DremioViewSqlReaderTests : IAsyncLifetime
{
    private const string Source = "lakehouse";
    private static readonly ContentKey s_orders = NessieTestKit.Key("sales.orders");
    private static readonly ContentKey s_returns = NessieTestKit.Key("sales.returns");
    private NessieFake _nessie = null!;
    private DremioFake _dremio = null!;
    private DremioClient _client = null!;
    private DremioViewSqlReader _reader = null!;

    public async Task InitializeAsync()
    {
        _nessie = await NessieFake.StartAsync();
        _dremio = await DremioFake.StartAsync();
        _nessie.ServeDremio(_dremio, Source);
        _client = DremioTestKit.SoftwareClient(_dremio);
        _reader = new DremioViewSqlReader(_client, new DremioQueryEngine(_client, Source, DremioTestKit.FastPolling), Source);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _dremio.DisposeAsync();
        await _nessie.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task The_catalog_api_reads_a_view_at_a_commit_not_at_the_branch_head()
    {
        var first = _nessie.Views.CreateView("main", s_orders, "SELECT 1");
        var second = _nessie.Views.AlterView("main", s_orders, "SELECT 2");

        var atFirst = await _reader.ReadByPathAsync(s_orders, first);
        var atSecond = await _reader.ReadByPathAsync(s_orders, second);

        Assert.Equal(new ViewSql.Resolved(s_orders, "SELECT 1"), atFirst);
        Assert.Equal(new ViewSql.Resolved(s_orders, "SELECT 2"), atSecond);
        Assert.Equal(
            $"/api/v3/catalog/by-path/lakehouse/sales/orders?versionType=COMMIT&versionValue={first}",
            _dremio.Requests[0].Path + _dremio.Requests[0].Query);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_view_that_does_not_exist_at_the_commit_is_missing()
    {
        var head = _nessie.Views.CreateView("main", s_orders, "SELECT 1");

        var outcome = await _reader.ReadByPathAsync(s_returns, head);

        Assert.Equal(new ViewSql.Missing(s_returns), outcome);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_view_whose_metadata_is_gone_is_unresolved_with_dremios_error_never_missing()
    {
        _nessie.Views.CreateView("main", s_orders, "SELECT 1");
        var head = _nessie.Views.CreateView("main", s_returns, "SELECT 2");
        _nessie.Views.MakeUnreadable("main", s_returns);

        var byPath = await _reader.ReadByPathAsync(s_returns, head);
        var showCreate = await _reader.ShowCreateViewAsync(s_returns, head);
        var readable = await _reader.ReadByPathAsync(s_orders, head);

        Assert.Contains("Failed to load the view metadata", Assert.IsType<ViewSql.Unresolved>(byPath).Reason, StringComparison.Ordinal);
        Assert.Contains("Failed to load the view metadata", Assert.IsType<ViewSql.Unresolved>(showCreate).Reason, StringComparison.Ordinal);
        Assert.Equal(new ViewSql.Resolved(s_orders, "SELECT 1"), readable);
    }

    [Fact(Timeout = 30_000)]
    public async Task By_paths_reads_fifty_views_a_call_one_outcome_per_key()
    {
        var seed = NessieFakeSeeder.Seed(_nessie, 60);
        _nessie.Views.MakeUnreadable("main", seed.Views[7]);
        var keys = seed.Views.Append(NessieTestKit.Key("no.such.view")).ToList();

        var outcomes = await _reader.ReadByPathsAsync(keys, seed.Head);

        Assert.Equal(2, _dremio.Requests.Count(r => r.Path == "/api/v3/catalog/by-paths"));
        Assert.Equal(61, outcomes.Count);
        Assert.Equal(new ViewSql.Resolved(seed.Views[3], NessieFakeSeeder.SqlOf(3)), outcomes[seed.Views[3]]);
        Assert.IsType<ViewSql.Unresolved>(outcomes[seed.Views[7]]);
        Assert.IsType<ViewSql.Missing>(outcomes[NessieTestKit.Key("no.such.view")]);
        Assert.Equal(59, outcomes.Values.Count(o => o is ViewSql.Resolved));
    }

    [Fact(Timeout = 30_000)]
    public async Task Show_create_view_at_a_commit_reads_sql_definition()
    {
        var first = _nessie.Views.CreateView("main", NessieTestKit.Key("sales.my view"), "SELECT 'old'");
        _nessie.Views.AlterView("main", NessieTestKit.Key("sales.my view"), "SELECT 'new'");

        var outcome = await _reader.ShowCreateViewAsync(NessieTestKit.Key("sales.my view"), first);

        Assert.Equal(new ViewSql.Resolved(NessieTestKit.Key("sales.my view"), "SELECT 'old'"), outcome);
        Assert.Equal($"SHOW CREATE VIEW lakehouse.sales.\"my view\" AT COMMIT \"{first}\"", _dremio.Submissions.Single().Sql);
    }

    [Fact(Timeout = 30_000)]
    public async Task Show_create_view_of_a_missing_view_is_unresolved_with_dremios_message()
    {
        var head = _nessie.Views.CreateView("main", s_orders, "SELECT 1");

        var outcome = await _reader.ShowCreateViewAsync(s_returns, head);

        Assert.Contains("Unknown view [lakehouse.sales.returns]", Assert.IsType<ViewSql.Unresolved>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Information_schema_lists_the_default_branch_only_in_one_job()
    {
        _nessie.Views.CreateView("main", s_orders, "SELECT 1");
        _nessie.Repository.CreateReference("dev", "BRANCH", _nessie.Repository.Head("main").Hash);
        _nessie.Views.CreateView("dev", s_returns, "SELECT 2");

        var views = await _reader.ReadDefaultBranchViewsAsync().ToListAsync();

        var view = Assert.Single(views);
        Assert.Equal(new DremioViewDefinition("lakehouse.sales", "orders", "SELECT 1"), view);
        Assert.Equal(s_orders, view.KeyUnder(Source));
        Assert.Single(_dremio.Submissions);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_rejected_pat_stops_the_read_instead_of_marking_views_unresolved()
    {
        var head = _nessie.Views.CreateView("main", s_orders, "SELECT 1");
        using var client = DremioTestKit.SoftwareClient(_dremio, pat: "wrong");
        var reader = new DremioViewSqlReader(client, new DremioQueryEngine(client, Source), Source);

        var error = await Assert.ThrowsAsync<DremioException>(() => reader.ReadByPathAsync(s_orders, head));

        Assert.True(error.IsFatal);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_cloud_catalog_api_is_under_the_project()
    {
        var head = _nessie.Views.CreateView("main", s_orders, "SELECT 1");
        using var client = DremioTestKit.CloudClient(_dremio, "eu");
        var reader = new DremioViewSqlReader(client, new DremioQueryEngine(client, Source), Source);

        var outcome = await reader.ReadByPathAsync(s_orders, head);

        Assert.Equal(new ViewSql.Resolved(s_orders, "SELECT 1"), outcome);
        Assert.Equal($"/v0/projects/{_dremio.ProjectId}/catalog/by-path/lakehouse/sales/orders", _dremio.Requests[0].Path);
        Assert.Equal("api.eu.dremio.cloud", _dremio.Requests[0].Host);
    }
}
