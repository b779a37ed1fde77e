using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class LocalCatalogCommitTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_commit_moves_the_branch_and_records_parent_message_author_and_time()
    {
        using var temp = new TempDirectory();
        var clock = TestClock.Create(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        using var catalog = await OpenAsync(temp, clock);
        var before = await catalog.GetBranchAsync("main");

        var after = await catalog.CommitAsync(
            "main", before.Hash, [ViewOperation.Put(Key("shop.sales.v"), "SELECT 1")], "CREATE VIEW shop.sales.v");
        var commit = await catalog.GetCommitAsync(after.Hash);

        Assert.Equal(after, await catalog.GetBranchAsync("main"));
        Assert.Equal([before.Hash], commit.ParentHashes);
        Assert.Equal("CREATE VIEW shop.sales.v", commit.Message);
        Assert.Equal("tester", commit.Author);
        Assert.Equal(clock.GetUtcNow(), commit.Timestamp);
        Assert.Matches("^[0-9a-f]{64}$", after.Hash);
    }

    [Fact(Timeout = 60_000)]
    public async Task Sql_text_is_stored_byte_exact()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        const string sql = "  SELECT 'é ☃ 𝄞'\r\n\tFROM t -- trailing  \n\n\0;  ";

        var head = await PutAsync(catalog, "main", ("a.v", sql), ("a.w", sql));
        var views = await catalog.GetViewsAsync(head, [Key("a.v"), Key("a.w")]);

        Assert.All(views, v => Assert.Equal(sql, v.Sql));
    }

    [Fact(Timeout = 60_000)]
    public async Task Deleting_a_view_removes_it_and_deleting_a_missing_view_names_it()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        await PutAsync(catalog, "main", ("a.v", "SELECT 1"), ("a.w", "SELECT 2"));

        var head = await DeleteAsync(catalog, "main", "a.v");
        var error = await Assert.ThrowsAsync<CatalogException>(() => DeleteAsync(catalog, "main", "a.v"));

        Assert.Equal(["a.w"], (await ViewsAtAsync(catalog, head)).Keys);
        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains("key 'a.v' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stale_expected_hash_whose_keys_changed_is_rejected_naming_the_key()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var start = await PutAsync(catalog, "main", ("a.v", "SELECT 1"));
        var head = await PutAsync(catalog, "main", ("a.v", "SELECT 2"));

        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.CommitAsync(
            "main", start, [ViewOperation.Put(Key("a.v"), "SELECT 3")], "edit"));

        Assert.Equal(CatalogErrorKind.Conflict, error.Kind);
        Assert.Contains("key 'a.v' was changed", error.Message, StringComparison.Ordinal);
        Assert.Contains(head, error.Message, StringComparison.Ordinal);
        Assert.Equal(head, (await catalog.GetBranchAsync("main")).Hash);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stale_expected_hash_with_only_unrelated_changes_commits_on_top_of_the_head()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var start = await PutAsync(catalog, "main", ("a.v", "SELECT 1"));
        var head = await PutAsync(catalog, "main", ("a.other", "SELECT 2"));

        var result = await catalog.CommitAsync("main", start, [ViewOperation.Put(Key("a.v"), "SELECT 3")], "edit");

        Assert.Equal([head], (await catalog.GetCommitAsync(result.Hash)).ParentHashes);
        Assert.Equal(
            new Dictionary<string, string> { ["a.other"] = "SELECT 2", ["a.v"] = "SELECT 3" },
            await ViewsAtAsync(catalog, result.Hash));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_expected_hash_outside_the_branch_history_is_a_conflict()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = (await catalog.GetBranchAsync("main")).Hash;
        await catalog.CreateBranchAsync("dev", root);
        var onDev = await PutAsync(catalog, "dev", ("a.v", "SELECT 1"));

        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.CommitAsync(
            "main", onDev, [ViewOperation.Put(Key("b.v"), "SELECT 2")], "edit"));

        Assert.Equal(CatalogErrorKind.Conflict, error.Kind);
        Assert.Equal($"named-reference 'main' is not at expected hash '{onDev}', but at '{root}'", error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_commit_naming_a_key_twice_or_without_a_message_is_a_bad_request()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var head = (await catalog.GetBranchAsync("main")).Hash;

        var twice = await Assert.ThrowsAsync<CatalogException>(() => catalog.CommitAsync(
            "main", head, [ViewOperation.Put(Key("a.v"), "SELECT 1"), ViewOperation.Delete(Key("a.v"))], "m"));
        var noMessage = await Assert.ThrowsAsync<CatalogException>(() => catalog.CommitAsync(
            "main", head, [ViewOperation.Put(Key("a.v"), "SELECT 1")], " "));

        Assert.Contains("names key 'a.v' twice", twice.Message, StringComparison.Ordinal);
        Assert.Equal(CatalogErrorKind.BadRequest, noMessage.Kind);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_commit_to_an_unknown_branch_lists_the_branches()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var head = (await catalog.GetBranchAsync("main")).Hash;

        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.CommitAsync(
            "dev", head, [ViewOperation.Put(Key("a.v"), "SELECT 1")], "m"));

        Assert.Equal(CatalogErrorKind.NotFound, error.Kind);
        Assert.Contains("'dev' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Branches there: main.", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_log_follows_first_parents_newest_first()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = (await catalog.GetBranchAsync("main")).Hash;
        var first = await PutAsync(catalog, "main", ("a.v", "SELECT 1"));
        var second = await PutAsync(catalog, "main", ("a.v", "SELECT 2"));

        var log = await catalog.GetLogAsync("main", 10);
        var limited = await catalog.GetLogAsync("main", 2);

        Assert.Equal([second, first, root], log.Select(c => c.Hash));
        Assert.Equal([second, first], limited.Select(c => c.Hash));
    }
}
