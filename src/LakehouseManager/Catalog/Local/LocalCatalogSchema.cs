namespace LakehouseManager.Catalog.Local;

/// <summary>
/// The catalog's own tables. Their names start with <see cref="ReservedPrefix"/>, which user SQL may not name, so the
/// data tables users create in the same file can never collide with them.
/// </summary>
/// <remarks>
/// <para>
/// Commits have integer ids (joins and primary keys stay small) and a 64-hex hash (what users and the mirror see).
/// A commit's views are its first parent's views with its own changes applied (a merge commit applies the changes it
/// takes from the merged side), so a commit stores only the keys it changes: one <c>_lh_entries</c> row per changed
/// key, holding the key's new SQL text id, or NULL for a delete. Storage grows with the number of changes, never with
/// the number of views times the number of commits (version 1 of this schema kept a full snapshot per commit: 2,000
/// views created one at a time made two million rows).
/// </para>
/// <para>
/// Reading at a commit X needs "the nearest first-parent ancestor of X that changed this key". First parents form a
/// tree, cut into <em>chains</em>: a commit continues its first parent's chain when the parent is that chain's tip,
/// else it starts a new chain that forks from the parent (<c>_lh_chains</c>: parent chain and fork depth). Each
/// commit has a chain and a <em>depth</em> (one more than its first parent's). X's ancestors are then a few chain
/// segments (its own chain up to its depth, the parent chain up to the fork, and so on), so "is this entry an
/// ancestor's, and the nearest one" is a dictionary lookup and a comparison of depths, with no walk of the history.
/// A point read is one index seek on the key (its few versions, filtered in memory); a listing scans the entries in
/// key order and keeps, for each key, the nearest version X sees, so paging by key works as with snapshots.
/// Periodic full checkpoints plus deltas were the alternative; they either grow with views times checkpoints or make
/// reads walk long delta chains, where chains and depths need neither.
/// </para>
/// <para>
/// <c>_lh_changes</c> holds the keys each commit touched, which makes diffs and merges O(changes): a diff reads the
/// keys touched on both first-parent lines below their fork point (chain and depth ranges of <c>_lh_commits</c>), a
/// merge those touched between the merge base and each side. A merge commit records every key in which it differs
/// from either parent, so "the keys touched between a common ancestor and X" always covers every key whose value
/// differs between them.
/// </para>
/// </remarks>
internal static class LocalCatalogSchema
{
    /// <summary>The version this code writes; files of <see cref="SnapshotVersion"/> are converted on open.</summary>
    public const int Version = 2;

    /// <summary>Version 1: a full snapshot of the views per commit (<c>_lh_views</c>).</summary>
    public const int SnapshotVersion = 1;

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
            message TEXT NOT NULL,
            chain INTEGER NOT NULL,
            depth INTEGER NOT NULL);
        CREATE TABLE _lh_branches (
            name TEXT NOT NULL PRIMARY KEY,
            commit_id INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE _lh_sql_texts (
            id INTEGER PRIMARY KEY,
            sha BLOB NOT NULL UNIQUE,
            sql TEXT NOT NULL);
        CREATE TABLE _lh_changes (
            commit_id INTEGER NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (commit_id, key)) WITHOUT ROWID;
        CREATE TABLE _lh_tables (
            sqlite_name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            key TEXT NOT NULL) WITHOUT ROWID;
        """ + ChainsAndEntries;

    /// <summary>The tables version 2 adds (also created when a version 1 file is converted).</summary>
    public const string ChainsAndEntries = """

        CREATE TABLE _lh_chains (
            id INTEGER PRIMARY KEY,
            parent_chain INTEGER,
            parent_depth INTEGER,
            tip_depth INTEGER NOT NULL);
        CREATE TABLE _lh_entries (
            key TEXT NOT NULL,
            chain INTEGER NOT NULL,
            depth INTEGER NOT NULL,
            sql_id INTEGER,
            PRIMARY KEY (key, chain, depth)) WITHOUT ROWID;
        CREATE INDEX _lh_commits_line ON _lh_commits (chain, depth);
        """;
}
