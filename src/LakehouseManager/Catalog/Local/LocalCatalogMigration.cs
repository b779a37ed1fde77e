using System.Globalization;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Converts a version 1 catalog file (a full snapshot of the views per commit in <c>_lh_views</c>) to version 2 (an
/// entry per changed key, see <see cref="LocalCatalogSchema"/>), inside the caller's write transaction: a failure
/// leaves the file as it was. Hashes, commits, branches, texts, touched keys and data tables are kept as they are.
/// </summary>
internal static class LocalCatalogMigration
{
    public static async Task FromSnapshotsAsync(CatalogStore store, CancellationToken cancellationToken)
    {
        await store.ExecuteAsync(
            "ALTER TABLE _lh_commits ADD COLUMN chain INTEGER NOT NULL DEFAULT 0; " +
            "ALTER TABLE _lh_commits ADD COLUMN depth INTEGER NOT NULL DEFAULT 0;" + LocalCatalogSchema.ChainsAndEntries,
            [],
            cancellationToken).ConfigureAwait(false);

        // Parents always have smaller ids than their children (ids count up), so id order places every parent first.
        var commits = new List<(long Id, long? Parent1)>();
        await using (var reader = await store.ReaderAsync("SELECT id, parent1 FROM _lh_commits ORDER BY id", [], cancellationToken)
            .ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                commits.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
            }
        }

        var placed = new Dictionary<long, CommitNode>();
        foreach (var (id, parent1) in commits)
        {
            var parent = parent1 is { } p ? placed[p] : null;
            var (chain, depth) = await store.PlaceCommitAsync(parent, cancellationToken).ConfigureAwait(false);
            placed[id] = new CommitNode(id, string.Empty, parent1, null, 0, chain, depth);
            await store.ExecuteAsync(
                "UPDATE _lh_commits SET chain = @p1, depth = @p2 WHERE id = @p0", [id, chain, depth], cancellationToken)
                .ConfigureAwait(false);

            // A commit's entries are its snapshot's values of the keys it touched (NULL: deleted). Version 1 recorded
            // every key in which a commit differs from its first parent as touched (a merge commit: from either parent),
            // so this reads O(changes), not every snapshot. The root commit has no parent: all of its snapshot.
            await store.ExecuteAsync(
                parent1 is null
                    ? "INSERT INTO _lh_entries (key, chain, depth, sql_id) SELECT v.key, @p1, @p2, v.sql_id FROM _lh_views v WHERE v.commit_id = @p0"
                    : "INSERT INTO _lh_entries (key, chain, depth, sql_id) SELECT ch.key, @p1, @p2, v.sql_id FROM _lh_changes ch " +
                      "LEFT JOIN _lh_views v ON v.commit_id = ch.commit_id AND v.key = ch.key WHERE ch.commit_id = @p0",
                [id, chain, depth],
                cancellationToken).ConfigureAwait(false);
        }

        await store.ExecuteAsync("DROP TABLE _lh_views", [], cancellationToken).ConfigureAwait(false);
        await store.SetMetaAsync(
            "schema_version", LocalCatalogSchema.Version.ToString(CultureInfo.InvariantCulture), cancellationToken)
            .ConfigureAwait(false);
    }
}
