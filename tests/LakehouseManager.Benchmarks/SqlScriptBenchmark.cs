using System.Diagnostics;
using System.Globalization;
using System.Text;
using LakehouseManager.Catalog.Local;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Benchmarks;

/// <summary>
/// A SQL script of <c>--statements</c> statements on a new local catalog (issue 9, item 2): one data table, then
/// CREATE VIEW statements, each its own catalog commit, a tenth of them reading an earlier view. Mode
/// <c>statements</c> runs them one <see cref="LocalSqlExecutor.ExecuteAsync"/> call at a time on one open catalog.
/// </summary>
internal static class SqlScriptBenchmark
{
    public const string Name = "sql-script";

    public const string Summary = "A script of CREATE VIEW statements on a new local catalog (--statements 2000)";

    public static async Task<int> RunAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--statements");
        var count = index >= 0 ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 2_000;
        var workspace = Path.Combine(Path.GetTempPath(), $"lhm-bench-script-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workspace);
        try
        {
            var statements = Statements(count);
            using var catalog = await LocalCatalog.OpenAsync(Path.Combine(workspace, "catalog.db"));
            var sql = new LocalSqlExecutor(catalog);
            var watch = Stopwatch.StartNew();
            foreach (var statement in statements)
            {
                await sql.ExecuteAsync("main", statement);
            }

            watch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count:N0} statements one call at a time: {watch.Elapsed.TotalSeconds:F1} s ({watch.Elapsed.TotalMilliseconds / count:F1} ms per statement)"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static List<string> Statements(int count)
    {
        var statements = new List<string>
        {
            "CREATE TABLE lake.raw.orders (id INTEGER, region_id INTEGER, amount REAL)",
            "INSERT INTO lake.raw.orders VALUES (1, 1, 10.5), (2, 2, 20), (3, 3, 30)",
        };
        for (var i = 1; statements.Count < count; i++)
        {
            var body = i % 10 == 0
                ? $"SELECT * FROM lake.views.v{i - 1:D5} WHERE amount > {i % 7}"
                : $"SELECT id, amount FROM lake.raw.orders WHERE region_id = {i % 17}";
            statements.Add(new StringBuilder().Append("CREATE VIEW lake.views.v").Append(i.ToString("D5", CultureInfo.InvariantCulture))
                .Append(" AS ").Append(body).ToString());
        }

        return statements;
    }
}
