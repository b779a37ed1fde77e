using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Creates the schema, the default branch and its initial empty commit in a new file; checks an existing one's schema
/// version, converting a version 1 file in the same transaction and refusing one from a newer version.
/// </summary>
internal static class LocalCatalogInitializer
{
    private const string InitialMessage = "Create the local catalog";

    public static async Task<(string RepositoryId, string DefaultBranch)> InitializeAsync(
        string path, string connectionString, LocalCatalogOptions options, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        var store = new CatalogStore(connection);
        await using (store.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var busyMs = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await store.ExecuteAsync($"PRAGMA busy_timeout = {busyMs}", [], cancellationToken).ConfigureAwait(false);

            // WAL lets readers run while another process writes; the setting is kept in the file.
            await store.ScalarAsync("PRAGMA journal_mode = WAL", [], cancellationToken).ConfigureAwait(false);
            await store.BeginAsync(write: true, cancellationToken).ConfigureAwait(false);
            var objects = (long)(await store.ScalarAsync(
                "SELECT count(*) FROM sqlite_schema", [], cancellationToken).ConfigureAwait(false))!;
            var hasMeta = (long)(await store.ScalarAsync(
                "SELECT count(*) FROM sqlite_schema WHERE name = '_lh_meta'", [], cancellationToken).ConfigureAwait(false))!;
            if (hasMeta == 0)
            {
                if (objects > 0)
                {
                    throw new CatalogException(
                        CatalogErrorKind.BadRequest,
                        $"{path} is a SQLite database but not a local catalog (it has no _lh_meta table); " +
                        "give the path of a catalog file or of a file that does not exist yet.");
                }

                await CreateAsync(store, options, cancellationToken).ConfigureAwait(false);
            }

            var version = await store.GetMetaAsync("schema_version", cancellationToken).ConfigureAwait(false);
            var migrate = version == LocalCatalogSchema.SnapshotVersion.ToString(CultureInfo.InvariantCulture);
            if (migrate)
            {
                await LocalCatalogMigration.FromSnapshotsAsync(store, cancellationToken).ConfigureAwait(false);
            }
            else if (version != LocalCatalogSchema.Version.ToString(CultureInfo.InvariantCulture))
            {
                throw UnreadableVersion(path, version);
            }

            var repositoryId = await store.GetMetaAsync("repository_id", cancellationToken).ConfigureAwait(false);
            var defaultBranch = await store.GetMetaAsync("default_branch", cancellationToken).ConfigureAwait(false);
            await store.CommitTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (migrate)
            {
                // The snapshots' pages are free now; give them back to the file system (outside any transaction).
                await store.ExecuteAsync("VACUUM", [], cancellationToken).ConfigureAwait(false);
            }

            return (repositoryId!, defaultBranch!);
        }
    }

    private static CatalogException UnreadableVersion(string path, string? version)
    {
        var reads = $"this version of Lakehouse Manager reads versions {LocalCatalogSchema.SnapshotVersion} and " +
            $"{LocalCatalogSchema.Version} (it converts version {LocalCatalogSchema.SnapshotVersion} when it opens the file)";
        return int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > LocalCatalogSchema.Version
            ? new CatalogException(
                CatalogErrorKind.BadRequest,
                $"The local catalog {path} has schema version {number}, written by a newer Lakehouse Manager; {reads}. " +
                "Open it with the Lakehouse Manager that wrote it, or a newer one.")
            : new CatalogException(
                CatalogErrorKind.BadRequest,
                $"The local catalog {path} has schema version '{version}', which is not a version Lakehouse Manager " +
                $"wrote; {reads}.");
    }

    private static async Task CreateAsync(CatalogStore store, LocalCatalogOptions options, CancellationToken cancellationToken)
    {
        await store.ExecuteAsync(LocalCatalogSchema.Create, [], cancellationToken).ConfigureAwait(false);
        var repositoryId = Guid.NewGuid().ToString("N");
        await store.SetMetaAsync(
            "schema_version", LocalCatalogSchema.Version.ToString(CultureInfo.InvariantCulture), cancellationToken)
            .ConfigureAwait(false);
        await store.SetMetaAsync("repository_id", repositoryId, cancellationToken).ConfigureAwait(false);
        await store.SetMetaAsync("default_branch", options.DefaultBranch, cancellationToken).ConfigureAwait(false);
        var initial = await CommitWriter.AppendAsync(
            store,
            repositoryId,
            [],
            options.Author,
            options.TimeProvider.GetUtcNow(),
            InitialMessage,
            [],
            [],
            cancellationToken).ConfigureAwait(false);
        await store.InsertBranchAsync(options.DefaultBranch, initial.Id, cancellationToken).ConfigureAwait(false);
    }
}
