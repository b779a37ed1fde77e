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

            // The entries of a commit are the difference between its snapshot and its first parent's.
            object?[] values = [id, parent1 ?? -1, chain, depth];
            await store.ExecuteAsync(
                "INSERT INTO _lh_entries (key, chain, depth, sql_id) " +
                "SELECT c.key, @p2, @p3, c.sql_id FROM _lh_views c WHERE c.commit_id = @p0 AND NOT EXISTS " +
                "(SELECT 1 FROM _lh_views p WHERE p.commit_id = @p1 AND p.key = c.key AND p.sql_id = c.sql_id)",
                values,
                cancellationToken).ConfigureAwait(false);
            await store.ExecuteAsync(
                "INSERT INTO _lh_entries (key, chain, depth, sql_id) " +
                "SELECT p.key, @p2, @p3, NULL FROM _lh_views p WHERE p.commit_id = @p1 AND NOT EXISTS " +
                "(SELECT 1 FROM _lh_views c WHERE c.commit_id = @p0 AND c.key = p.key)",
                values,
                cancellationToken).ConfigureAwait(false);
        }

        await store.ExecuteAsync("DROP TABLE _lh_views", [], cancellationToken).ConfigureAwait(false);
        await store.SetMetaAsync(
            "schema_version", LocalCatalogSchema.Version.ToString(CultureInfo.InvariantCulture), cancellationToken)
            .ConfigureAwait(false);
    }
}
