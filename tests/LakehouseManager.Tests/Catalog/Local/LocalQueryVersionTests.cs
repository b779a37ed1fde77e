using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;
using static LakehouseManager.Tests.Catalog.Local.LocalQueryTests;

namespace LakehouseManager.Tests.Catalog.Local;

/// <summary>
/// AT clauses across branches (issue 9, item 3): a reference with <c>AT BRANCH | COMMIT | REF | REFERENCE</c> reads
/// that version, as Dremio does; data tables are shared, so only views differ.
/// </summary>
public sealed class LocalQueryVersionTests
{
    [Theory(Timeout = 30_000)]
    [InlineData("BRANCH main")]
    [InlineData("BRANCH \"main\"")]
    [InlineData("branch Main2")]
    [InlineData("REF main")]
    [InlineData("REFERENCE \"main\"")]
    [InlineData("COMMIT \"{main}\"")]
    [InlineData("COMMIT \"{main8}\"")]
    [InlineData("REF \"{main}\"")]
    public async Task A_view_named_at_another_version_is_read_at_that_version_with_the_views_it_reads(string clause)
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await SeedTwoBranchesAsync(temp);
        var main = (await catalog.GetBranchAsync("main")).Hash;
        await catalog.CreateBranchAsync("Main2", main);
        var at = clause.Replace("{main}", main, StringComparison.Ordinal).Replace("{main8}", main[..8], StringComparison.Ordinal);

        // Act
        var rows = await QueryAsync(catalog, "dev", $"SELECT (SELECT b FROM s.top) AS here, (SELECT b FROM s.top AT {at}) AS there");

        // Assert
        Assert.Equal([["dev", "main"]], rows);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_old_commit_a_view_only_another_branch_has_and_a_table_at_another_branch_can_all_be_read()
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await SeedTwoBranchesAsync(temp);
        var before = (await catalog.GetBranchAsync("main")).Hash;
        await PutAsync(catalog, "main", ("s.base", "SELECT 'main, later' AS b"));
        await PutAsync(catalog, "dev", ("s.only_dev", "SELECT count(*) AS n FROM shop.raw.orders"));

        // Act
        var old = await QueryAsync(catalog, "main", $"SELECT b FROM s.top AT COMMIT \"{before}\"");
        var now = await QueryAsync(catalog, "main", "SELECT b FROM s.top");
        var onlyDev = await QueryAsync(catalog, "main", "SELECT n FROM s.only_dev AT BRANCH dev");
        var table = await QueryAsync(catalog, "main", "SELECT count(*) FROM shop.raw.orders AT BRANCH dev");

        // Assert
        Assert.Equal([["main"]], old);
        Assert.Equal([["main, later"]], now);
        Assert.Equal([[3L]], onlyDev);
        Assert.Equal([[3L]], table);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_view_that_names_a_version_itself_keeps_it_wherever_it_is_read()
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await SeedTwoBranchesAsync(temp);
        await PutAsync(catalog, "main", ("s.pinned", "SELECT b FROM s.base AT BRANCH dev"));

        // Act
        var onMain = await QueryAsync(catalog, "main", "SELECT b FROM s.pinned");
        var fromDev = await QueryAsync(catalog, "dev", "SELECT b FROM s.pinned AT BRANCH main");

        // Assert
        Assert.Equal([["dev"]], onMain);
        Assert.Equal([["dev"]], fromDev);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("s.top AT BRANCH nope", "s.top AT BRANCH nope at line 1, column 21 of the statement: branch 'nope' does not exist in the local catalog")]
    [InlineData("s.top AT TAG v1", "the local catalog has no tags; name a branch (AT BRANCH) or a commit (AT COMMIT)")]
    [InlineData("s.top AT COMMIT \"0000000000\"", "commit '0000000000' does not exist")]
    [InlineData("s.top AT COMMIT \"main\"", "'main' is not a commit hash")]
    [InlineData("s.top AT REF nope", "branch 'nope' does not exist")]
    [InlineData("s.top AT SNAPSHOT '1'", "AT SNAPSHOT (a table's own history) is not supported")]
    [InlineData("s.top AT BRANCH main AS OF '2024-01-01'", "does not support AS OF")]
    [InlineData("s.only_dev AT BRANCH main", "Unknown table or view s.only_dev at line 1, column 15 of the statement: branch 'main' has no such view")]
    public async Task A_version_that_cannot_be_read_is_a_bad_request_naming_the_clause(string reference, string expected)
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await SeedTwoBranchesAsync(temp);
        await PutAsync(catalog, "dev", ("s.only_dev", "SELECT 1 AS n"));

        // Act
        var error = await Assert.ThrowsAsync<CatalogException>(() => QueryAsync(catalog, "dev", $"SELECT * FROM {reference}"));

        // Assert
        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Orders (a table), and on main s.base ('main') and s.top (reads s.base); dev replaces s.base ('dev').</summary>
    private static async Task<LocalCatalog> SeedTwoBranchesAsync(TempDirectory temp)
    {
        var catalog = await SeedAsync(temp);
        var main = await PutAsync(catalog, "main", ("s.base", "SELECT 'main' AS b"), ("s.top", "SELECT b FROM s.base"));
        await catalog.CreateBranchAsync("dev", main);
        await PutAsync(catalog, "dev", ("s.base", "SELECT 'dev' AS b"));
        return catalog;
    }
}
