using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class LocalSqlExecutorBranchTests
{
    [Fact(Timeout = 60_000)]
    public async Task Create_branch_starts_from_the_current_branch_or_the_named_reference()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        var root = (await catalog.GetBranchAsync("main")).Hash;
        var head = await PutAsync(catalog, "main", ("a.v", "SELECT 1"));

        var fromCurrent = await sql.ExecuteAsync("main", "CREATE BRANCH dev");
        await sql.ExecuteAsync("main", $"CREATE BRANCH old AT COMMIT \"{root}\"");
        await sql.ExecuteAsync("dev", "create branch \"feature/x\" from branch main");
        var again = await sql.ExecuteAsync("main", "CREATE BRANCH IF NOT EXISTS dev FROM old");
        var error = await Assert.ThrowsAsync<CatalogException>(() => sql.ExecuteAsync("main", "CREATE BRANCH dev"));

        Assert.Equal("Branch dev has been created at branch main.", fromCurrent.Message);
        Assert.Equal(head, (await catalog.GetBranchAsync("dev")).Hash);
        Assert.Equal(root, (await catalog.GetBranchAsync("old")).Hash);
        Assert.Equal(head, (await catalog.GetBranchAsync("feature/x")).Hash);
        Assert.Equal([true, "Reference dev already exists."], again.Rows[0]);
        Assert.Equal(CatalogErrorKind.AlreadyExists, error.Kind);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("CREATE BRANCH \"bad..name\"", "Invalid branch name 'bad..name'")]
    [InlineData("CREATE BRANCH dev FROM nowhere", "Catalog branch 'nowhere' does not exist")]
    [InlineData("CREATE BRANCH dev AT COMMIT \"00000000\"", "Commit '00000000' not found")]
    [InlineData("SHOW VIEWS AT TAG v1", "Tags are not supported")]
    public async Task Bad_branch_references_are_clear_errors(string statement, string expected)
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);

        var error = await Assert.ThrowsAnyAsync<LakehouseException>(() => new LocalSqlExecutor(catalog).ExecuteAsync("main", statement));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_branch_name_git_could_not_store_is_refused_and_nothing_is_created()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var name = new string('x', 300);

        var error = await Assert.ThrowsAnyAsync<LakehouseException>(
            () => new LocalSqlExecutor(catalog).ExecuteAsync("main", $"CREATE BRANCH {name}"));

        Assert.Contains("it has 300 characters, and a branch name has at most 244", error.Message, StringComparison.Ordinal);
        Assert.Equal(["main"], (await catalog.ListBranchesAsync()).Select(b => b.Name));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_statement_at_an_unknown_branch_lists_the_branches()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);

        var error = await Assert.ThrowsAsync<CatalogException>(() => new LocalSqlExecutor(catalog).ExecuteAsync("nope", "SHOW VIEWS"));

        Assert.Equal(CatalogErrorKind.NotFound, error.Kind);
        Assert.Contains("Branches there: main.", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Drop_branch_drops_at_the_head_tolerates_a_missing_branch_with_if_exists_and_keeps_the_current_one()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE BRANCH dev");
        var root = (await catalog.GetBranchAsync("main")).Hash;
        await PutAsync(catalog, "dev", ("a.v", "SELECT 1"));

        var stale = await Assert.ThrowsAsync<CatalogException>(
            () => sql.ExecuteAsync("main", $"DROP BRANCH dev AT COMMIT \"{root}\""));
        var dropped = await sql.ExecuteAsync("main", "DROP BRANCH dev");
        var missing = await sql.ExecuteAsync("main", "DROP BRANCH IF EXISTS dev");
        var current = await Assert.ThrowsAsync<CatalogException>(() => sql.ExecuteAsync("main", "DROP BRANCH main"));

        Assert.Equal(CatalogErrorKind.Conflict, stale.Kind);
        Assert.Equal("Branch dev has been dropped.", dropped.Message);
        Assert.Equal("Branch dev not found.", missing.Message);
        Assert.Contains("while the statement runs at it", current.Message, StringComparison.Ordinal);
        Assert.Null(await catalog.FindBranchAsync("dev"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Merge_branch_into_the_current_branch_reports_dremio_s_rows()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE BRANCH dev");
        await sql.ExecuteAsync("dev", "CREATE VIEW a.v AS SELECT 1 AS x");

        var dryRun = await sql.ExecuteAsync("main", "MERGE BRANCH DRY RUN dev");
        var merged = await sql.ExecuteAsync("main", "MERGE BRANCH dev");
        var again = await sql.ExecuteAsync("main", "MERGE BRANCH dev INTO main");

        Assert.Equal(["message", "contentName", "status"], dryRun.Columns);
        Assert.Equal([["Branch dev can be merged into main", null, "SUCCESS"]], dryRun.Rows);
        Assert.Equal(
            [[$"Branch dev has been merged into main at {merged.CommitHash}", null, "SUCCESS"]], merged.Rows);
        Assert.Equal(merged.CommitHash, (await catalog.GetBranchAsync("main")).Hash);
        Assert.True(again.Succeeded);
        Assert.Null(again.CommitHash);
        Assert.StartsWith("Branch dev is already merged into main", again.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_conflicting_merge_is_a_failure_row_with_one_row_per_conflict()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE BRANCH dev");
        await sql.ExecuteAsync("dev", "CREATE VIEW a.v AS SELECT 'dev' AS x");
        await sql.ExecuteAsync("main", "CREATE VIEW a.v AS SELECT 'main' AS x");
        var before = await catalog.GetBranchAsync("main");

        var result = await sql.ExecuteAsync("dev", "MERGE BRANCH dev INTO main");

        Assert.False(result.Succeeded);
        Assert.Equal(
            [["Failed to merge branch dev into main", null, "FAILURE"], ["key 'a.v' already exists", "a.v", "KEY_EXISTS"]],
            result.Rows);
        Assert.Equal(before, await catalog.GetBranchAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Show_statements_list_branches_views_logs_and_a_view_s_definition()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE VIEW shop.a AS SELECT 1 AS x");
        await sql.ExecuteAsync("main", "CREATE VIEW other.b AS SELECT 2 AS y");
        await sql.ExecuteAsync("main", "CREATE BRANCH dev");
        var main = await catalog.GetBranchAsync("main");

        var branches = await sql.ExecuteAsync("main", "SHOW BRANCHES");
        var views = await sql.ExecuteAsync("dev", "SHOW VIEWS IN shop");
        var logs = await sql.ExecuteAsync("main", "SHOW LOGS");
        var create = await sql.ExecuteAsync("dev", "SHOW CREATE VIEW shop.a AT BRANCH main");

        Assert.Equal(["type", "refName", "commitHash"], branches.Columns);
        Assert.Equal([["BRANCH", "dev", main.Hash], ["BRANCH", "main", main.Hash]], branches.Rows);
        Assert.Equal([["shop.a", "SELECT 1 AS x"]], views.Rows);
        Assert.Equal(["commitHash", "authorName", "authorTimeStamp", "message"], logs.Columns);
        Assert.Equal(["CREATE VIEW other.b", "CREATE VIEW shop.a", "Create the local catalog"], logs.Rows.Select(r => r[3]));
        Assert.Equal([["[shop.a] at branch main", "SELECT 1 AS x"]], create.Rows);
    }
}
