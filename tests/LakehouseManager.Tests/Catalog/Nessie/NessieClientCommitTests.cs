using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>Commits: the expected hash, commit concurrency per key, content ids and namespaces (api-facts A.6).</summary>
public sealed class NessieClientCommitTests : IAsyncLifetime
{
    private NessieFake _fake = null!;
    private NessieClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await NessieFake.StartAsync();
        _fake.Views.CreateNamespace("main", "sales");
        _client = NessieTestKit.Client(_fake);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_commit_moves_the_branch_and_returns_the_new_content_ids()
    {
        var head = _fake.Head();

        var response = await _client.CommitAsync("main", head, new NessieCommitMeta("CREATE VIEW sales.orders"),
            [NessieOperation.Put(NessieTestKit.Key("sales.orders"), View("file:///v/1.json"))]);

        Assert.Equal(_fake.Head(), response.TargetBranch.Hash);
        Assert.NotEqual(head, response.TargetBranch.Hash);
        var added = Assert.Single(response.AddedContents);
        Assert.Equal(NessieTestKit.Key("sales.orders"), added.Key);
        Assert.Equal(_fake.Repository.ContentAt("main", added.Key)!.Id, added.ContentId);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_commit_on_an_older_hash_succeeds_when_its_keys_did_not_change_since()
    {
        var older = _fake.Head();
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.returns"), "SELECT 2");

        var response = await _client.CommitAsync("main", older, new NessieCommitMeta("CREATE VIEW sales.orders"),
            [NessieOperation.Put(NessieTestKit.Key("sales.orders"), View("file:///v/1.json"))]);

        Assert.Equal(_fake.Head(), response.TargetBranch.Hash);
        Assert.NotNull(_fake.Repository.ContentAt("main", NessieTestKit.Key("sales.returns")));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_commit_on_an_older_hash_conflicts_when_one_of_its_keys_changed_since()
    {
        var older = _fake.Head();
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 2");
        var head = _fake.Head();

        var error = await Assert.ThrowsAsync<CatalogException>(() => _client.CommitAsync("main", older,
            new NessieCommitMeta("CREATE VIEW sales.orders"),
            [NessieOperation.Put(NessieTestKit.Key("sales.orders"), View("file:///v/1.json"))]));

        Assert.Equal(CatalogErrorKind.Conflict, error.Kind);
        Assert.Contains("KEY_EXISTS on sales.orders", error.Message, StringComparison.Ordinal);
        Assert.Equal(head, _fake.Head());
    }

    [Fact(Timeout = 30_000)]
    public async Task Updating_a_key_needs_its_content_id()
    {
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 1");

        var error = await Assert.ThrowsAsync<CatalogException>(() => _client.CommitAsync("main", _fake.Head(),
            new NessieCommitMeta("ALTER on VIEW sales.orders"),
            [NessieOperation.Put(NessieTestKit.Key("sales.orders"), View("file:///v/2.json"))]));

        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains("New value to update existing key 'sales.orders' has no content ID", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Content_under_a_missing_namespace_is_a_conflict_naming_it()
    {
        var error = await Assert.ThrowsAsync<CatalogException>(() => _client.CommitAsync("main", _fake.Head(),
            new NessieCommitMeta("CREATE VIEW finance.eu.orders"),
            [NessieOperation.Put(NessieTestKit.Key("finance.eu.orders"), View("file:///v/1.json"))]));

        Assert.Equal(CatalogErrorKind.Conflict, error.Kind);
        Assert.Contains("NAMESPACE_ABSENT on finance.eu", error.Message, StringComparison.Ordinal);
        Assert.Contains("NAMESPACE_ABSENT on finance", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_commit_needs_a_message_and_a_valid_branch_before_any_call()
    {
        var noMessage = await Assert.ThrowsAsync<CatalogException>(() => _client.CommitAsync("main", _fake.Head(),
            new NessieCommitMeta(" "), [NessieOperation.Delete(NessieTestKit.Key("sales"))]));
        var badName = await Assert.ThrowsAsync<CatalogException>(() => _client.CommitAsync("-bad", _fake.Head(),
            new NessieCommitMeta("x"), [NessieOperation.Delete(NessieTestKit.Key("sales"))]));

        Assert.Equal(CatalogErrorKind.BadRequest, noMessage.Kind);
        Assert.Equal(CatalogErrorKind.BadRequest, badName.Kind);
        Assert.Empty(_fake.To("POST trees/{ref}/history/commit"));
    }

    [Fact(Timeout = 30_000)]
    public async Task An_injected_stale_hash_is_a_conflict_and_commits_nothing()
    {
        var head = _fake.Head();
        _fake.ConflictNextWrites(1);

        var error = await Assert.ThrowsAsync<CatalogException>(() => _client.CommitAsync("main", head,
            new NessieCommitMeta("CREATE VIEW sales.orders"),
            [NessieOperation.Put(NessieTestKit.Key("sales.orders"), View("file:///v/1.json"))]));

        Assert.Equal(CatalogErrorKind.Conflict, error.Kind);
        Assert.Contains("UNEXPECTED_HASH", error.Message, StringComparison.Ordinal);
        Assert.Equal(head, _fake.Head());
    }

    private static NessieContent View(string location) => NessieContent.IcebergView(null, location);
}
