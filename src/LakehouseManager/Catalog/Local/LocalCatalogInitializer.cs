using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Catalog.Local;

/// <summary>Creates the schema, the default branch and its initial empty commit in a new file; checks an existing one.</summary>
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
            if (version != LocalCatalogSchema.Version.ToString(CultureInfo.InvariantCulture))
            {
                throw new CatalogException(
                    CatalogErrorKind.BadRequest,
                    $"The local catalog {path} has schema version {version}; this version of Lakehouse Manager " +
                    $"reads version {LocalCatalogSchema.Version}.");
            }

            var repositoryId = await store.GetMetaAsync("repository_id", cancellationToken).ConfigureAwait(false);
            var defaultBranch = await store.GetMetaAsync("default_branch", cancellationToken).ConfigureAwait(false);
            await store.CommitTransactionAsync(cancellationToken).ConfigureAwait(false);
            return (repositoryId!, defaultBranch!);
        }
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
