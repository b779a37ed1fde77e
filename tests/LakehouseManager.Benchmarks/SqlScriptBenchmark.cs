using System.Diagnostics;
using System.Globalization;
using System.Text;
using LakehouseManager.Catalog.Local;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Benchmarks;

/// <summary>
/// A SQL script of <c>--statements</c> statements on a new local catalog (issue 9, item 2): one data table and its
/// rows, then CREATE VIEW statements, each its own catalog commit, a tenth of them reading an earlier view. It is run
/// three ways, each on a fresh catalog in this one process: as a script through <see cref="LocalSqlScript"/> (what
/// <c>Sql --sql-file</c> does), the same as one commit (<c>--single-commit</c>), and one
/// <see cref="LocalSqlExecutor.ExecuteAsync"/> call per statement (what a loop over <c>Sql --sql</c> did, without
/// the process start-up each call paid).
/// </summary>
internal static class SqlScriptBenchmark
{
    public const string Name = "sql-script";

    public const string Summary = "A SQL script of CREATE VIEW statements on a new local catalog, three ways (--statements 2000)";

    public static async Task<int> RunAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--statements");
        var count = index >= 0 ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 2_000;
        var workspace = Path.Combine(Path.GetTempPath(), $"lhm-bench-script-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workspace);
        try
        {
            var statements = Statements(count);
            var script = string.Join(";\n", statements) + ";\n";
            Console.WriteLine($"SQL script benchmark: {count:N0} statements ({script.Length / 1024.0:F0} KiB), each way on a new catalog");
            Console.WriteLine();
            Console.WriteLine("| way | wall time | per statement | commits |");
            Console.WriteLine("| --- | --: | --: | --: |");
            var data = string.Join(";\n", statements.Take(2)) + ";\n";

            // A warm-up (not shown), so that the first way measured does not also pay for the JIT.
            await TimeAsync(workspace, null, 50, async sql => (await new LocalSqlScript(sql).RunAsync("main", string.Join(";\n", Statements(50)))).Commits);
            var views = string.Join(";\n", statements.Skip(2)) + ";\n";
            await TimeAsync(workspace, "script (Sql --sql-file)", count, async sql =>
                (await new LocalSqlScript(sql).RunAsync("main", script)).Commits);
            await TimeAsync(workspace, "script as one commit (--single-commit; the table first, apart)", count, async sql =>
            {
                await new LocalSqlScript(sql).RunAsync("main", data);
                return (await new LocalSqlScript(sql).RunAsync("main", views, singleCommit: true)).Commits;
            });
            await TimeAsync(workspace, "one ExecuteAsync call per statement", count, async sql =>
            {
                var commits = 0;
                foreach (var statement in statements)
                {
                    commits += (await sql.ExecuteAsync("main", statement)).CommitHash is null ? 0 : 1;
                }

                return commits;
            });
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static async Task TimeAsync(string workspace, string? way, int count, Func<LocalSqlExecutor, Task<int>> run)
    {
        var path = Path.Combine(workspace, $"catalog-{Guid.NewGuid():N}.db");
        using var catalog = await LocalCatalog.OpenAsync(path);
        var watch = Stopwatch.StartNew();
        var commits = await run(new LocalSqlExecutor(catalog));
        watch.Stop();
        if (way is null)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {way} | {watch.Elapsed.TotalSeconds:F1} s | {watch.Elapsed.TotalMilliseconds / count:F2} ms | {commits:N0} |"));
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
