using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Tests.Catalog.Local;

/// <summary>
/// Writes a catalog file in the version 1 layout (a full snapshot of the views per commit in <c>_lh_views</c>), the
/// layout every catalog file had before version 2, so that the conversion on open can be tested on a real file.
/// </summary>
internal static class VersionOneCatalogFile
{
    /// <summary>Version 1's schema, as that version created it.</summary>
    private const string Schema = """
        CREATE TABLE _lh_meta (
            name TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE _lh_commits (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            parent1 INTEGER,
            parent2 INTEGER,
            generation INTEGER NOT NULL,
            author TEXT NOT NULL,
            committed_at TEXT NOT NULL,
            message TEXT NOT NULL);
        CREATE TABLE _lh_branches (
            name TEXT NOT NULL PRIMARY KEY,
            commit_id INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE _lh_sql_texts (
            id INTEGER PRIMARY KEY,
            sha BLOB NOT NULL UNIQUE,
            sql TEXT NOT NULL);
        CREATE TABLE _lh_views (
            commit_id INTEGER NOT NULL,
            key TEXT NOT NULL,
            sql_id INTEGER NOT NULL,
            PRIMARY KEY (commit_id, key)) WITHOUT ROWID;
        CREATE TABLE _lh_changes (
            commit_id INTEGER NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (commit_id, key)) WITHOUT ROWID;
        CREATE TABLE _lh_tables (
            sqlite_name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            key TEXT NOT NULL) WITHOUT ROWID;
        """;

    /// <summary>
    /// Writes the file. Commits are numbered from 1 in list order; each has its parents (by number), its full
    /// snapshot (dotted key to SQL) and the keys it touched. Hashes are made up from the commit number.
    /// </summary>
    public static void Write(string path, IReadOnlyList<OldCommit> commits, IReadOnlyDictionary<string, int> branches)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, Schema);
        Execute(connection, "INSERT INTO _lh_meta VALUES ('schema_version', '1'), ('repository_id', 'r1'), ('default_branch', 'main')");
        var texts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < commits.Count; i++)
        {
            var id = i + 1;
            var commit = commits[i];
            Execute(
                connection,
                "INSERT INTO _lh_commits VALUES (@p0, @p1, @p2, @p3, @p4, 'tester', '2026-01-01T00:00:00.0000000Z', @p5)",
                id, Hash(id), commit.Parent1, commit.Parent2, Generation(commits, id), $"commit {id}");
            foreach (var (key, sql) in commit.Views)
            {
                if (!texts.TryGetValue(sql, out var textId))
                {
                    textId = texts[sql] = texts.Count + 1;
                    Execute(connection, "INSERT INTO _lh_sql_texts VALUES (@p0, @p1, @p2)", textId, SHA256.HashData(Encoding.UTF8.GetBytes(sql)), sql);
                }

                Execute(connection, "INSERT INTO _lh_views VALUES (@p0, @p1, @p2)", id, Stored(key), textId);
            }

            foreach (var key in commit.Touched)
            {
                Execute(connection, "INSERT INTO _lh_changes VALUES (@p0, @p1)", id, Stored(key));
            }
        }

        foreach (var (name, commit) in branches)
        {
            Execute(connection, "INSERT INTO _lh_branches VALUES (@p0, @p1)", name, commit);
        }

        transaction.Commit();
    }

    /// <summary>The made-up hash of commit number <paramref name="id"/>.</summary>
    public static string Hash(int id) => id.ToString("x2", CultureInfo.InvariantCulture).PadLeft(64, 'a');

    private static long Generation(IReadOnlyList<OldCommit> commits, int id)
    {
        var commit = commits[id - 1];
        return 1 + new[] { commit.Parent1, commit.Parent2 }.Where(p => p is not null).Select(p => Generation(commits, p!.Value)).DefaultIfEmpty(0).Max();
    }

    private static string Stored(string dottedKey) => dottedKey.Replace('.', '\u001F');

    private static void Execute(SqliteConnection connection, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("@p" + i, values[i] ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}

/// <summary>A version 1 commit: parents by number, the full snapshot (dotted key to SQL) and the keys it touched.</summary>
internal sealed record OldCommit(int? Parent1, int? Parent2, IReadOnlyDictionary<string, string> Views, IReadOnlyList<string> Touched);
