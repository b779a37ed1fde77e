using LakehouseManager.Catalog.Local;
using LakehouseManager.Demo;
using LakehouseManager.Tests.Support;

namespace LakehouseManager.Tests.Pipeline.Demo;

/// <summary>The demo's local catalog, built the way the demo builds it: <see cref="DemoScript"/> through the SQL front door.</summary>
internal static class DemoCatalog
{
    /// <summary>Tables and views on main, <c>CREATE BRANCH dev</c>, and the change (with its bug) on dev.</summary>
    public static async Task<LocalCatalog> CreateAsync(TempDirectory temp)
    {
        var catalog = await LocalCatalog.OpenAsync(
            temp.Combine(".lakehouse", "catalog.db"),
            new LocalCatalogOptions { Author = "demo", TimeProvider = TestClock.Create() });
        var sql = new LocalSqlExecutor(catalog);
        foreach (var statement in DemoScript.Tables.Concat(DemoScript.ViewsOnMain))
        {
            await sql.ExecuteAsync("main", statement);
        }

        await sql.ExecuteAsync("main", "CREATE BRANCH dev");
        foreach (var statement in DemoScript.ChangesOnDev)
        {
            await sql.ExecuteAsync("dev", statement);
        }

        return catalog;
    }

    public static Task FixAsync(LocalCatalog catalog) =>
        new LocalSqlExecutor(catalog).ExecuteAsync("dev", DemoScript.FixOnDev);
}
