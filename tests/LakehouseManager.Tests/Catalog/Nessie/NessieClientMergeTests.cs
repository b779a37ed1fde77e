using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>Merges: dry run, conflicts per key, the reviewed hash, all or nothing, already merged (MergeSquashImpl).</summary>
public sealed class NessieClientMergeTests : IAsyncLifetime
{
    private static readonly ContentKey s_orders = NessieTestKit.Key("sales.orders");
    private static readonly ContentKey s_returns = NessieTestKit.Key("sales.returns");
    private NessieFake _fake = null!;
    private NessieClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await NessieFake.StartAsync();
        _fake.Views.CreateView("main", s_orders, "SELECT 1");
        _fake.Repository.CreateReference("dev", "BRANCH", _fake.Head());
        _client = NessieTestKit.Client(_fake);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_dry_run_applies_nothing_and_the_merge_then_writes_one_commit_with_the_message_and_author()
    {
        var reviewed = _fake.Views.CreateView("dev", s_returns, "SELECT 2");
        var target = _fake.Head();

        var dryRun = await _client.MergeAsync("main", target, Request(reviewed) with { DryRun = true });
        var headAfterDryRun = _fake.Head();
        var merge = await _client.MergeAsync("main", target, Request(reviewed));

        Assert.True(dryRun.WasSuccessful);
        Assert.False(dryRun.WasApplied);
        Assert.False(dryRun.NothingToMerge);
        Assert.Equal(target, headAfterDryRun);
        Assert.True(merge.WasApplied);
        Assert.Equal(_fake.Head(), merge.ResultantTargetHash);
        var commit = _fake.Repository.FindCommit(merge.ResultantTargetHash!)!;
        Assert.Equal([target, reviewed], commit.Parents);
        Assert.Equal("Merge pull request 7 (git 1a2b3c4)", commit.Meta.Message);
        Assert.Equal(["Lakehouse Manager <lakehouse@example.com>"], commit.Meta.Authors);
        Assert.NotNull(_fake.Repository.ContentAt("main", s_returns));
    }

    [Fact(Timeout = 30_000)]
    public async Task Only_the_reviewed_hash_is_merged_not_the_branchs_later_commits()
    {
        var reviewed = _fake.Views.CreateView("dev", s_returns, "SELECT 2");
        _fake.Views.CreateView("dev", NessieTestKit.Key("sales.late"), "SELECT 3");

        await _client.MergeAsync("main", _fake.Head(), Request(reviewed));

        Assert.NotNull(_fake.Repository.ContentAt("main", s_returns));
        Assert.Null(_fake.Repository.ContentAt("main", NessieTestKit.Key("sales.late")));
    }

    [Fact(Timeout = 30_000)]
    public async Task Conflicts_come_back_per_key_and_nothing_is_applied()
    {
        _fake.Views.CreateView("dev", s_returns, "SELECT 2");
        var reviewed = _fake.Views.AlterView("dev", s_orders, "SELECT 'dev'");
        _fake.Views.AlterView("main", s_orders, "SELECT 'main'");
        var target = _fake.Head();

        var result = await _client.MergeAsync("main", target, Request(reviewed));

        Assert.False(result.WasSuccessful);
        Assert.False(result.WasApplied);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(s_orders, conflict.Key);
        Assert.Equal("VALUE_DIFFERS", conflict.Conflict!.ConflictType);
        Assert.Contains("sales.orders", conflict.Conflict.Message, StringComparison.Ordinal);
        Assert.Contains(result.Details, d => d.Key == s_returns && d.Conflict is null);
        Assert.Equal(target, _fake.Head());
        Assert.Null(_fake.Repository.ContentAt("main", s_returns));
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_conflicts_as_result_a_conflicting_merge_is_a_conflict_error_naming_the_keys()
    {
        var reviewed = _fake.Views.AlterView("dev", s_orders, "SELECT 'dev'");
        _fake.Views.AlterView("main", s_orders, "SELECT 'main'");

        var error = await Assert.ThrowsAsync<CatalogException>(
            () => _client.MergeAsync("main", _fake.Head(), Request(reviewed) with { ReturnConflictAsResult = false }));

        Assert.Equal(CatalogErrorKind.Conflict, error.Kind);
        Assert.Contains("VALUE_DIFFERS on sales.orders", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_same_change_on_both_sides_is_not_a_conflict()
    {
        var reviewed = _fake.Views.CreateView("dev", s_returns, "SELECT 2");
        var devContent = _fake.Repository.ContentAt("dev", s_returns)!;
        // Main receives the identical content object (as a cherry-pick would bring it).
        _fake.Views.Commit("main", "CREATE VIEW sales.returns", [NessieFakeOperationRequest.Put(s_returns, null, _ => devContent)]);

        var result = await _client.MergeAsync("main", _fake.Head(), Request(reviewed));

        Assert.True(result.WasSuccessful);
        Assert.Empty(result.Conflicts);
    }

    [Fact(Timeout = 30_000)]
    public async Task Merging_again_after_a_merge_is_a_success_that_writes_nothing()
    {
        var reviewed = _fake.Views.CreateView("dev", s_returns, "SELECT 2");
        var first = await _client.MergeAsync("main", _fake.Head(), Request(reviewed));
        var head = _fake.Head();
        var commits = _fake.Repository.CommitCount;

        var dryRun = await _client.MergeAsync("main", head, Request(reviewed) with { DryRun = true });
        var again = await _client.MergeAsync("main", head, Request(reviewed));

        Assert.True(first.WasApplied);
        Assert.True(dryRun.NothingToMerge);
        Assert.True(again.NothingToMerge);
        Assert.True(again.WasSuccessful);
        Assert.False(again.WasApplied);
        Assert.Equal(head, again.ResultantTargetHash);
        Assert.Equal(reviewed, again.CommonAncestor);
        Assert.Equal(commits, _fake.Repository.CommitCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_older_server_saying_no_hashes_to_merge_is_read_as_nothing_to_merge()
    {
        await using var legacy = await NessieFake.StartAsync(new NessieFakeOptions { LegacyNothingToMerge = true });
        legacy.Views.CreateView("main", s_orders, "SELECT 1");
        legacy.Repository.CreateReference("dev", "BRANCH", legacy.Head());
        var reviewed = legacy.Views.CreateView("dev", s_returns, "SELECT 2");
        using var client = NessieTestKit.Client(legacy);
        await client.MergeAsync("main", legacy.Head(), Request(reviewed));

        var again = await client.MergeAsync("main", legacy.Head(), Request(reviewed));

        Assert.True(again.NothingToMerge);
        Assert.True(again.WasSuccessful);
        Assert.Equal(400, legacy.To("POST trees/{ref}/history/merge")[^1].StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_expected_target_hash_older_than_the_head_merges_when_the_keys_do_not_conflict()
    {
        // Nessie checks that the expected hash is in the target's history and decides conflicts per key against the
        // head (BaseCommitHelper); a caller that wants the exact head compares it before merging.
        var older = _fake.Head();
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.invoices"), "SELECT 9");
        var reviewed = _fake.Views.CreateView("dev", s_returns, "SELECT 2");

        var result = await _client.MergeAsync("main", older, Request(reviewed));

        Assert.True(result.WasApplied);
        Assert.Equal(older, result.ExpectedHash);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_expected_target_hash_outside_the_targets_history_is_not_found()
    {
        var reviewed = _fake.Views.CreateView("dev", s_returns, "SELECT 2");

        var error = await Assert.ThrowsAsync<CatalogException>(() => _client.MergeAsync("main", reviewed, Request(reviewed)));

        Assert.Equal(CatalogErrorKind.NotFound, error.Kind);
        Assert.Contains("in reference 'main'", error.Message, StringComparison.Ordinal);
    }

    private static NessieMergeRequest Request(string fromHash) =>
        new("dev", fromHash, "Merge pull request 7 (git 1a2b3c4)") { Author = "Lakehouse Manager <lakehouse@example.com>" };
}
