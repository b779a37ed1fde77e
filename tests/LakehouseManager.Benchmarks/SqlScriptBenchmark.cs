using System.Diagnostics;
using System.Globalization;
using LakehouseManager.Catalog.Local;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Benchmarks;

/// <summary>
/// A SQL script of <c>--statements</c> statements on a new local catalog (issue 9, item 2): one data table and its
/// rows, then CREATE VIEW statements, each its own catalog commit, a tenth of them reading an earlier view. It runs
/// three ways, each in a child process of its own (so no way pays for another's JIT or garbage) after a warm-up of 50
/// statements: as a script through <see cref="LocalSqlScript"/> (what <c>Sql --sql-file</c> does), as one commit
/// (<c>--single-commit</c>), and one <see cref="LocalSqlExecutor.ExecuteAsync"/> call per statement (what a loop over
/// <c>Sql --sql</c> did, without the process start-up each call paid).
/// </summary>
internal static class SqlScriptBenchmark
{
    public const string Name = "sql-script";

    public const string Summary = "A SQL script of CREATE VIEW statements on a new local catalog, three ways (--statements 2000)";

    private static readonly (string Way, string Description)[] s_ways =
    [
        ("script", "script (Sql --sql-file)"),
        ("one-commit", "script as one commit (--single-commit; the table first, apart)"),
        ("calls", "one ExecuteAsync call per statement"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = OptionValue(args, "--statements") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 2_000;
        if (OptionValue(args, "--way") is { } way)
        {
            return await RunWayAsync(way, count);
        }

        var script = Script(Statements(count));
        Console.WriteLine($"SQL script benchmark: {count:N0} statements ({script.Length / 1024.0:F0} KiB), each way in its own process on a new catalog");
        Console.WriteLine();
        Console.WriteLine("| way | wall time | per statement | commits |");
        Console.WriteLine("| --- | --: | --: | --: |");
        foreach (var (name, description) in s_ways)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                // Started as "dotnet LakehouseManager.Benchmarks.dll": the child needs the assembly too.
                start.ArgumentList.Add(typeof(SqlScriptBenchmark).Assembly.Location);
            }

            foreach (var argument in (string[])[Name, "--statements", count.ToString(CultureInfo.InvariantCulture), "--way", name])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = (await process.StandardOutput.ReadToEndAsync()).Trim();
            await process.WaitForExitAsync();
            Console.WriteLine($"| {description} | {output} |");
        }

        return 0;
    }

    /// <summary>The child: a warm-up, then one way, printed as the row's last three cells.</summary>
    private static async Task<int> RunWayAsync(string way, int count)
    {
        var workspace = Path.Combine(Path.GetTempPath(), $"lhm-bench-script-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workspace);
        try
        {
            await TimeAsync(workspace, 50, sql => RunAsync(sql, "script", Statements(50)));
            var (elapsed, commits) = await TimeAsync(workspace, count, sql => RunAsync(sql, way, Statements(count)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{elapsed.TotalSeconds:F1} s | {elapsed.TotalMilliseconds / count:F2} ms | {commits:N0}"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static async Task<int> RunAsync(LocalSqlExecutor sql, string way, List<string> statements)
    {
        switch (way)
        {
            case "script":
                return (await new LocalSqlScript(sql).RunAsync("main", Script(statements))).Commits;
            case "one-commit":
                await new LocalSqlScript(sql).RunAsync("main", Script(statements.Take(2)));
                return (await new LocalSqlScript(sql).RunAsync("main", Script(statements.Skip(2)), singleCommit: true)).Commits;
            default:
                var commits = 0;
                foreach (var statement in statements)
                {
                    commits += (await sql.ExecuteAsync("main", statement)).CommitHash is null ? 0 : 1;
                }

                return commits;
        }
    }

    private static async Task<(TimeSpan Elapsed, int Commits)> TimeAsync(string workspace, int count, Func<LocalSqlExecutor, Task<int>> run)
    {
        using var catalog = await LocalCatalog.OpenAsync(Path.Combine(workspace, $"catalog-{count}-{Guid.NewGuid():N}.db"));
        var watch = Stopwatch.StartNew();
        var commits = await run(new LocalSqlExecutor(catalog));
        return (watch.Elapsed, commits);
    }

    private static string Script(IEnumerable<string> statements) => string.Join(";\n", statements) + ";\n";

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
            statements.Add(string.Create(CultureInfo.InvariantCulture, $"CREATE VIEW lake.views.v{i:D5} AS {body}"));
        }

        return statements;
    }

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
