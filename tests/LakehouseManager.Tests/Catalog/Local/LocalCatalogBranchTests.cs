using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class LocalCatalogBranchTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_new_catalog_has_a_main_branch_with_one_empty_initial_commit()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);

        var branches = await catalog.ListBranchesAsync();
        var main = Assert.Single(branches);
        var commit = await catalog.GetCommitAsync(main.Hash);
        var views = await catalog.ListViewsAsync(main.Hash, null, 10);

        Assert.Equal("main", main.Name);
        Assert.Equal("main", await catalog.GetDefaultBranchAsync());
        Assert.Matches("^[0-9a-f]{64}$", main.Hash);
        Assert.Empty(commit.ParentHashes);
        Assert.Empty(views.Items);
        Assert.Contains("catalog.db", catalog.Description, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine(".lakehouse", "catalog.db")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Reopening_the_file_keeps_branches_and_views()
    {
        using var temp = new TempDirectory();
        string hash;
        using (var catalog = await OpenAsync(temp))
        {
            hash = await PutAsync(catalog, "main", ("a.v", "SELECT 1"));
        }

        using var reopened = await OpenAsync(temp);
        var main = await reopened.GetBranchAsync("main");

        Assert.Equal(hash, main.Hash);
        Assert.Equal("SELECT 1", Assert.Single((await reopened.ListViewsAsync(hash, null, 5)).Items).Sql);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_sqlite_file_that_is_not_a_catalog_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("other.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (x)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<CatalogException>(() => LocalCatalog.OpenAsync(path));

        Assert.Contains("not a local catalog", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_branch_is_created_at_a_commit_and_lists_in_name_order()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var first = (await catalog.GetBranchAsync("main")).Hash;
        await PutAsync(catalog, "main", ("a.v", "SELECT 1"));

        var dev = await catalog.CreateBranchAsync("dev", first);
        await catalog.CreateBranchAsync("feature/x", first[..12]);

        Assert.Equal(new CatalogBranch("dev", first), dev);
        Assert.Equal(["dev", "feature/x", "main"], (await catalog.ListBranchesAsync()).Select(b => b.Name));
        Assert.Equal(first, (await catalog.FindBranchAsync("feature/x"))!.Hash);
        Assert.Null(await catalog.FindBranchAsync("nope"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Creating_an_existing_branch_fails_with_ReferenceAlreadyExists()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var main = await catalog.GetBranchAsync("main");

        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.CreateBranchAsync("main", main.Hash));

        Assert.Equal(CatalogErrorKind.AlreadyExists, error.Kind);
        Assert.Contains("'main' already exists", error.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("0123456789abcdef", CatalogErrorKind.NotFound, "Commit '0123456789abcdef' not found")]
    [InlineData("not-a-hash", CatalogErrorKind.BadRequest, "'not-a-hash' is not a commit hash")]
    public async Task Creating_a_branch_from_an_unknown_hash_names_the_hash(string hash, CatalogErrorKind kind, string message)
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);

        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.CreateBranchAsync("dev", hash));

        Assert.Equal(kind, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("HEAD")]
    [InlineData("1bad")]
    [InlineData("a..b")]
    [InlineData("ends/")]
    public async Task An_invalid_branch_name_is_a_bad_request_naming_it(string name)
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var main = await catalog.GetBranchAsync("main");

        var error = await Assert.ThrowsAsync<InvalidNameException>(() => catalog.CreateBranchAsync(name, main.Hash));

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_branch_is_deleted_at_its_exact_head_only()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var start = (await catalog.GetBranchAsync("main")).Hash;
        await catalog.CreateBranchAsync("dev", start);
        var head = await PutAsync(catalog, "dev", ("a.v", "SELECT 1"));

        var stale = await Assert.ThrowsAsync<CatalogException>(() => catalog.DeleteBranchAsync("dev", start));
        await catalog.DeleteBranchAsync("dev", head);

        Assert.Equal(CatalogErrorKind.Conflict, stale.Kind);
        Assert.Equal($"named-reference 'dev' is not at expected hash '{start}', but at '{head}'", stale.Message);
        Assert.Null(await catalog.FindBranchAsync("dev"));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_default_branch_cannot_be_deleted()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var main = await catalog.GetBranchAsync("main");

        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.DeleteBranchAsync("main", main.Hash));

        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Equal("Default branch 'main' cannot be deleted.", error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Deleting_an_unknown_branch_lists_the_branches_there_are()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var main = await catalog.GetBranchAsync("main");
        await catalog.CreateBranchAsync("dev", main.Hash);

        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.DeleteBranchAsync("nope", main.Hash));

        Assert.Equal(CatalogErrorKind.NotFound, error.Kind);
        Assert.Contains("Catalog branch 'nope' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Branches there: dev, main.", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Ancestry_follows_parents_including_merge_parents()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = (await catalog.GetBranchAsync("main")).Hash;
        await catalog.CreateBranchAsync("dev", root);
        var onDev = await PutAsync(catalog, "dev", ("a.v", "SELECT 1"));
        var onMain = await PutAsync(catalog, "main", ("b.v", "SELECT 2"));
        var merge = await catalog.MergeAsync("dev", onDev, "main", onMain, dryRun: false);

        Assert.True(await catalog.IsAncestorAsync(root, onDev));
        Assert.True(await catalog.IsAncestorAsync(onDev, onDev));
        Assert.True(await catalog.IsAncestorAsync(onDev, merge.ResultHash!));
        Assert.True(await catalog.IsAncestorAsync(onMain, merge.ResultHash!));
        Assert.False(await catalog.IsAncestorAsync(onMain, onDev));
        Assert.False(await catalog.IsAncestorAsync(merge.ResultHash!, root));
    }
}
