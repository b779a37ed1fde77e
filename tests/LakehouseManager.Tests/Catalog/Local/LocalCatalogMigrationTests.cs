using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class LocalCatalogMigrationTests
{
    private static readonly Dictionary<string, string> s_none = [];

    /// <summary>
    /// 1 root; 2 main puts a, b; 3 dev (from 2) changes a and puts c; 4 main deletes b; 5 main merges dev (4 + 3);
    /// 6 dev puts d; 7 a branch off 2 that deletes a.
    /// </summary>
    private static readonly OldCommit[] s_history =
    [
        new(null, null, s_none, []),
        new(1, null, Views(("s.a", "SELECT 1"), ("s.b", "SELECT 2")), ["s.a", "s.b"]),
        new(2, null, Views(("s.a", "SELECT 10"), ("s.b", "SELECT 2"), ("s.c", "SELECT 3")), ["s.a", "s.c"]),
        new(2, null, Views(("s.a", "SELECT 1")), ["s.b"]),
        new(4, 3, Views(("s.a", "SELECT 10"), ("s.c", "SELECT 3")), ["s.a", "s.b", "s.c"]),
        new(3, null, Views(("s.a", "SELECT 10"), ("s.b", "SELECT 2"), ("s.c", "SELECT 3"), ("s.d", "SELECT 4")), ["s.d"]),
        new(2, null, Views(("s.b", "SELECT 2")), ["s.a"]),
    ];

    [Fact(Timeout = 30_000)]
    public async Task A_version_1_file_is_converted_on_open_and_reads_the_same_at_every_commit()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.Combine("old.db");
        VersionOneCatalogFile.Write(path, s_history, new Dictionary<string, int> { ["main"] = 5, ["dev"] = 6, ["old"] = 7 });

        // Act
        using var catalog = await LocalCatalog.OpenAsync(path, new LocalCatalogOptions { TimeProvider = new FakeTimeProvider() });

        // Assert
        for (var id = 1; id <= s_history.Length; id++)
        {
            var hash = VersionOneCatalogFile.Hash(id);
            Assert.Equal(s_history[id - 1].Views, await ViewsAtAsync(catalog, hash));
            foreach (var key in new[] { "s.a", "s.b", "s.c", "s.d" })
            {
                var read = await catalog.GetViewsAsync(hash, [Key(key)]);
                Assert.Equal(s_history[id - 1].Views.GetValueOrDefault(key), read.SingleOrDefault()?.Sql);
            }
        }

        Assert.Equal(["Modified s.a", "Removed s.b", "Added s.c"], await DiffAsync(catalog, VersionOneCatalogFile.Hash(2), VersionOneCatalogFile.Hash(5)));
        Assert.Equal(["Removed s.a", "Removed s.c", "Removed s.d"], await DiffAsync(catalog, VersionOneCatalogFile.Hash(6), VersionOneCatalogFile.Hash(7)));
        Assert.Equal("2", Meta(path, "schema_version"));
        Assert.Equal(0L, Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = '_lh_views'"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_converted_file_takes_new_commits_and_merges_on_every_branch()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.Combine("old.db");
        VersionOneCatalogFile.Write(path, s_history, new Dictionary<string, int> { ["main"] = 5, ["dev"] = 6, ["old"] = 7 });
        using var catalog = await LocalCatalog.OpenAsync(path, new LocalCatalogOptions { TimeProvider = new FakeTimeProvider() });

        // Act
        var onOld = await PutAsync(catalog, "old", ("s.e", "SELECT 5"));
        var dev = await catalog.GetBranchAsync("dev");
        var main = await catalog.GetBranchAsync("main");
        var merge = await catalog.MergeAsync("dev", dev.Hash, "main", main.Hash, dryRun: false);

        // Assert
        Assert.Equal(Views(("s.b", "SELECT 2"), ("s.e", "SELECT 5")), await ViewsAtAsync(catalog, onOld));
        Assert.True(merge.WasApplied);
        Assert.Equal(
            Views(("s.a", "SELECT 10"), ("s.c", "SELECT 3"), ("s.d", "SELECT 4")),
            await ViewsAtAsync(catalog, merge.ResultHash!));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_file_from_a_newer_version_is_refused_with_a_message_naming_both_versions()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.Combine("new.db");
        using (await LocalCatalog.OpenAsync(path))
        {
        }

        SqliteConnection.ClearAllPools();
        Execute(path, "UPDATE _lh_meta SET value = '3' WHERE name = 'schema_version'");

        // Act
        var error = await Assert.ThrowsAsync<CatalogException>(() => LocalCatalog.OpenAsync(path));

        // Assert
        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains("has schema version 3, written by a newer Lakehouse Manager", error.Message, StringComparison.Ordinal);
        Assert.Contains("reads versions 1 and 2", error.Message, StringComparison.Ordinal);
        Assert.Equal("3", Meta(path, "schema_version"));
    }

    private static Dictionary<string, string> Views(params (string Key, string Sql)[] views) =>
        views.ToDictionary(v => v.Key, v => v.Sql, StringComparer.Ordinal);

    private static string? Meta(string path, string name) =>
        (string?)ScalarOf(path, $"SELECT value FROM _lh_meta WHERE name = '{name}'");

    private static long Scalar(string path, string sql) => (long)ScalarOf(path, sql)!;

    private static object? ScalarOf(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
