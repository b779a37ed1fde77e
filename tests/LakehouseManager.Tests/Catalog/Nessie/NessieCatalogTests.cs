using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>The catalog port over the Nessie fake: views only, paging, renames, merges, names checked before any call.</summary>
public sealed class NessieCatalogTests : IAsyncLifetime
{
    private NessieFake _fake = null!;
    private NessieClient _client = null!;
    private NessieCatalog _catalog = null!;

    public async Task InitializeAsync()
    {
        _fake = await NessieFake.StartAsync();
        _client = NessieTestKit.Client(_fake);
        _catalog = new NessieCatalog(_client);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Listing_views_pages_across_page_boundaries_and_leaves_tables_out()
    {
        var seed = NessieFakeSeeder.Seed(_fake, 25);
        var head = _fake.Views.CreateTable("main", NessieTestKit.Key("domain_00.area_000.orders"));

        var pages = new List<CatalogPage<CatalogEntry>>();
        string? token = null;
        do
        {
            var page = await _catalog.ListViewsAsync(head, token, pageSize: 10);
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token is not null);

        var entries = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Equal(seed.Views.Order(), entries.Select(e => e.Key));
        Assert.All(entries, e =>
        {
            Assert.StartsWith("file://", e.Content.MetadataLocation, StringComparison.Ordinal);
            Assert.Equal(NessieFakeViews.PlaceholderDialect, e.Content.Dialect);
            Assert.Equal(_fake.Repository.ContentAt("main", e.Key)!.Id, e.ContentId);
        });
        Assert.All(_fake.To("GET trees/{ref}/entries"), r =>
            Assert.Contains("filter=entry.contentType", Uri.UnescapeDataString(r.RawTarget), StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_diff_keeps_the_views_and_shows_a_rename_as_a_removal_and_an_addition_of_one_content_id()
    {
        _fake.Views.CreateView("main", NessieTestKit.Key("s.altered"), "SELECT 1");
        _fake.Views.CreateView("main", NessieTestKit.Key("s.dropped"), "SELECT 2");
        _fake.Views.CreateView("main", NessieTestKit.Key("s.old_name"), "SELECT 3");
        var from = _fake.Views.CreateTable("main", NessieTestKit.Key("s.table_before"));
        _fake.Views.AlterView("main", NessieTestKit.Key("s.altered"), "SELECT 10");
        _fake.Views.DropView("main", NessieTestKit.Key("s.dropped"));
        _fake.Views.RenameView("main", NessieTestKit.Key("s.old_name"), NessieTestKit.Key("s.new_name"));
        _fake.Views.CreateTable("main", NessieTestKit.Key("s.table_after"));
        var to = _fake.Views.CreateView("main", NessieTestKit.Key("s.created"), "SELECT 4");

        var changes = await _catalog.DiffAllAsync(from, to, pageSize: 2).ToListAsync();

        var renamedId = _fake.Repository.ContentAt("main", NessieTestKit.Key("s.new_name"))!.Id;
        Assert.Equal(
            [
                (NessieTestKit.Key("s.altered"), ChangeKind.Modified),
                (NessieTestKit.Key("s.created"), ChangeKind.Added),
                (NessieTestKit.Key("s.dropped"), ChangeKind.Removed),
                (NessieTestKit.Key("s.new_name"), ChangeKind.Added),
                (NessieTestKit.Key("s.old_name"), ChangeKind.Removed),
            ],
            changes.Select(c => (c.Key, c.Kind)));
        Assert.Equal(renamedId, changes.Single(c => c.Key == NessieTestKit.Key("s.old_name")).ContentId);
        Assert.Equal(renamedId, changes.Single(c => c.Key == NessieTestKit.Key("s.new_name")).ContentId);
        Assert.All(changes, c => Assert.Equal(ContentTypes.IcebergView, c.ContentType));
        Assert.True(_fake.To("GET trees/{from}/diff/{to}").Count >= 3);
    }

    [Fact]
    public void A_view_replaced_by_a_table_is_a_removed_view_and_a_table_is_no_change()
    {
        var change = NessieCatalog.Change(new NessieDiffEntry(
            NessieTestKit.Key("s.v"),
            NessieContent.IcebergView("id-1", "file:///v.json"),
            new NessieContent(NessieContentTypes.IcebergTable, "id-2") { MetadataLocation = "file:///t.json" }));
        var table = NessieCatalog.Change(new NessieDiffEntry(
            NessieTestKit.Key("s.t"), null, new NessieContent(NessieContentTypes.IcebergTable, "id-3")));

        Assert.Equal(new CatalogChange(NessieTestKit.Key("s.v"), ChangeKind.Removed, ContentTypes.IcebergView, "id-1"), change);
        Assert.Null(table);
    }

    [Fact(Timeout = 30_000)]
    public async Task Reading_views_at_a_commit_leaves_out_absent_keys_and_tables()
    {
        _fake.Views.CreateView("main", NessieTestKit.Key("s.b"), "SELECT 2");
        _fake.Views.CreateView("main", NessieTestKit.Key("s.a"), "SELECT 1");
        var head = _fake.Views.CreateTable("main", NessieTestKit.Key("s.t"));

        var views = await _catalog.GetViewsAsync(
            head, [NessieTestKit.Key("s.b"), NessieTestKit.Key("s.t"), NessieTestKit.Key("s.nothing"), NessieTestKit.Key("s.a")]);

        Assert.Equal([NessieTestKit.Key("s.a"), NessieTestKit.Key("s.b")], views.Select(v => v.Key));
        Assert.Single(_fake.To("POST trees/{ref}/contents"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Branches_are_found_by_name_listed_in_order_and_a_tag_or_a_missing_one_is_no_branch()
    {
        var head = _fake.Views.CreateView("main", NessieTestKit.Key("s.v"), "SELECT 1");
        _fake.Repository.CreateReference("dev", "BRANCH", head);
        _fake.Repository.CreateReference("v1", "TAG", head);

        var dev = await _catalog.FindBranchAsync("dev");
        var tag = await _catalog.FindBranchAsync("v1");
        var missing = await _catalog.FindBranchAsync("nope");
        var all = await _catalog.ListBranchesAsync();
        var error = await Assert.ThrowsAsync<CatalogException>(() => _catalog.GetBranchAsync("nope"));

        Assert.Equal(new CatalogBranch("dev", head), dev);
        Assert.Null(tag);
        Assert.Null(missing);
        Assert.Equal(["dev", "main"], all.Select(b => b.Name));
        Assert.Equal("main", await _catalog.GetDefaultBranchAsync());
        Assert.Contains("Branches there: dev, main.", error.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("-dev")]
    [InlineData("dev..x")]
    [InlineData("HEAD")]
    [InlineData("0123456789abcdef")]
    public async Task An_invalid_branch_name_is_refused_before_any_call(string name)
    {
        var error = await Assert.ThrowsAsync<CatalogException>(() => _catalog.FindBranchAsync(name));

        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fake.TotalRequests);
    }

    [Fact(Timeout = 30_000)]
    public async Task Creating_and_deleting_a_branch_carry_the_hashes()
    {
        var head = _fake.Views.CreateView("main", NessieTestKit.Key("s.v"), "SELECT 1");

        var dev = await _catalog.CreateBranchAsync("dev", head);
        var exists = await Assert.ThrowsAsync<CatalogException>(() => _catalog.CreateBranchAsync("dev", head));
        var moved = _fake.Views.CreateView("dev", NessieTestKit.Key("s.w"), "SELECT 2");
        var stale = await Assert.ThrowsAsync<CatalogException>(() => _catalog.DeleteBranchAsync("dev", head));
        await _catalog.DeleteBranchAsync("dev", moved);

        Assert.Equal(new CatalogBranch("dev", head), dev);
        Assert.Equal(CatalogErrorKind.AlreadyExists, exists.Kind);
        Assert.Equal(CatalogErrorKind.Conflict, stale.Kind);
        Assert.Null(_fake.Repository.FindReference("dev"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_merge_after_a_dry_run_applies_once_and_a_rerun_has_nothing_to_merge()
    {
        var main = _fake.Views.CreateView("main", NessieTestKit.Key("s.v"), "SELECT 1");
        _fake.Repository.CreateReference("dev", "BRANCH", main);
        var reviewed = _fake.Views.AlterView("dev", NessieTestKit.Key("s.v"), "SELECT 2");
        _fake.Views.CreateView("dev", NessieTestKit.Key("s.later"), "SELECT 3");
        CatalogMergeRequest Request(string expected, bool dryRun) =>
            new("dev", reviewed, "main", expected, dryRun, "Merge pull request 7 (dev → main), reviewed at git commit abc", "Lakehouse Manager");

        var dryRun = await _catalog.MergeAsync(Request(main, dryRun: true));
        var merged = await _catalog.MergeAsync(Request(main, dryRun: false));
        var head = _fake.Head();
        var again = await _catalog.MergeAsync(Request(head, dryRun: true));

        Assert.Equal(new CatalogMergeResult.Merged(main, WasApplied: false), dryRun);
        Assert.Equal(new CatalogMergeResult.Merged(head, WasApplied: true), merged);
        Assert.Equal(new CatalogMergeResult.NothingToMerge(head), again);
        Assert.Equal("SELECT 2", NessieFakeViews.ReadSql(_fake.Repository.ContentAt("main", NessieTestKit.Key("s.v"))!).Sql);
        Assert.Null(_fake.Repository.ContentAt("main", NessieTestKit.Key("s.later")));
        var commit = _fake.Repository.FindCommit(head)!;
        Assert.Equal("Merge pull request 7 (dev → main), reviewed at git commit abc", commit.Meta.Message);
        Assert.Contains("Lakehouse Manager", commit.Meta.Authors);
    }

    [Fact(Timeout = 30_000)]
    public async Task Conflicting_branches_give_the_conflicts_per_key_and_nothing_is_applied()
    {
        var root = _fake.Views.CreateView("main", NessieTestKit.Key("s.v"), "SELECT 1");
        _fake.Repository.CreateReference("dev", "BRANCH", root);
        var dev = _fake.Views.AlterView("dev", NessieTestKit.Key("s.v"), "SELECT 'dev'");
        var main = _fake.Views.AlterView("main", NessieTestKit.Key("s.v"), "SELECT 'main'");

        var result = await _catalog.MergeAsync(new CatalogMergeRequest("dev", dev, "main", main, DryRun: false, "m", "a"));

        var conflict = Assert.Single(Assert.IsType<CatalogMergeResult.Conflicts>(result).Items);
        Assert.Equal(NessieTestKit.Key("s.v"), conflict.Key);
        Assert.Equal("VALUE_DIFFERS", conflict.ConflictType);
        Assert.Equal(main, _fake.Head());
    }

    [Fact(Timeout = 30_000)]
    public async Task A_target_that_moved_is_a_conflict_error_and_nothing_is_merged()
    {
        var main = _fake.Views.CreateView("main", NessieTestKit.Key("s.v"), "SELECT 1");
        _fake.Repository.CreateReference("dev", "BRANCH", main);
        var dev = _fake.Views.AlterView("dev", NessieTestKit.Key("s.v"), "SELECT 2");
        _fake.ConflictNextWrites(1);

        var error = await Assert.ThrowsAsync<CatalogException>(() =>
            _catalog.MergeAsync(new CatalogMergeRequest("dev", dev, "main", main, DryRun: false, "m", "a")));

        Assert.Equal(CatalogErrorKind.Conflict, error.Kind);
        Assert.Equal(main, _fake.Head());
    }

    [Fact(Timeout = 30_000)]
    public async Task A_real_branch_that_is_missing_is_not_taken_for_a_catalog_without_branches()
    {
        var error = await Assert.ThrowsAsync<CatalogException>(() => _catalog.GetBranchAsync("dev"));

        Assert.Equal(CatalogErrorKind.NotFound, error.Kind);
        Assert.Single(_fake.To("GET config"));
    }
}
