namespace LakehouseManager.Catalog.Local;

/// <summary>
/// The catalog's own tables. Their names start with <see cref="ReservedPrefix"/>, which user SQL may not name, so the
/// data tables users create in the same file can never collide with them.
/// </summary>
/// <remarks>
/// Commits have integer ids (joins and primary keys stay small) and a 64-hex hash (what users and the mirror see).
/// <c>_lh_views</c> holds a full snapshot per commit, clustered by (commit, key), so a point lookup or a keyset page is
/// O(log n); <c>_lh_changes</c> holds the keys each commit touched, which makes diffs and merges O(changes).
/// A merge commit records every key in which it differs from either parent, so "the keys touched between a common
/// ancestor and X" always covers every key whose value differs between them.
/// </remarks>
internal static class LocalCatalogSchema
{
    public const int Version = 1;

    public const string ReservedPrefix = "_lh_";

    public const string Create = """
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
}
