using LakehouseManager.Naming;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// The embedded catalog (design §3): one SQLite file with Nessie's semantics (branches, commits with 64-hex hashes,
/// views per commit, paged listings and diffs, three-way merges guarded by expected hashes) and the data tables the
/// views read, which all branches share. Several processes may use the same file: every write runs in one
/// <c>BEGIN IMMEDIATE</c> transaction (WAL journal, busy timeout) and checks its expected hash inside it.
/// </summary>
public sealed partial class LocalCatalog : ICatalog, IDisposable
{
    /// <summary>Where the catalog lives unless the user says otherwise.</summary>
    public const string DefaultPath = ".lakehouse/catalog.db";

    private readonly string _connectionString;
    private readonly string _queryConnectionString;
    private readonly string _repositoryId;

    private LocalCatalog(string path, LocalCatalogOptions options, string connectionString, string repositoryId, string defaultBranch)
    {
        Path = path;
        Options = options;
        _connectionString = connectionString;

        // Query connections hold TEMP views, so they are never returned to the pool for another caller.
        _queryConnectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _repositoryId = repositoryId;
        DefaultBranch = defaultBranch;
    }

    /// <summary>The catalog file, as given.</summary>
    public string Path { get; }

    public LocalCatalogOptions Options { get; }

    /// <summary>The default branch of this catalog file (it cannot be deleted).</summary>
    public string DefaultBranch { get; }

    public string Description => $"local catalog {Path}";

    /// <summary>
    /// Opens the catalog file, creating it (and its folder) on first use with the default branch holding one initial
    /// empty commit.
    /// </summary>
    public static async Task<LocalCatalog> OpenAsync(
        string path, LocalCatalogOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new LocalCatalogOptions();
        RefName.Require(options.DefaultBranch, "default branch");
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
        }.ToString();

        try
        {
            var (repositoryId, defaultBranch) = await LocalCatalogInitializer
                .InitializeAsync(path, connectionString, options, cancellationToken).ConfigureAwait(false);
            return new LocalCatalog(path, options, connectionString, repositoryId, defaultBranch);
        }
        catch (SqliteException exception)
        {
            throw new CatalogException(
                CatalogErrorKind.Unavailable, $"Cannot open the local catalog {path}: {exception.Message}", exception);
        }
    }

    public Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(DefaultBranch);

    /// <summary>Releases the pooled connections to the file (the file stays).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal async Task<SqliteConnection> OpenConnectionAsync(bool pooled, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(pooled ? _connectionString : _queryConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"PRAGMA busy_timeout = {(long)Options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs one catalog call in one transaction on one pooled connection, mapping SQLite failures.</summary>
    internal async Task<T> RunAsync<T>(bool write, Func<CatalogStore, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            var store = new CatalogStore(await OpenConnectionAsync(pooled: true, cancellationToken).ConfigureAwait(false));
            await using (store.ConfigureAwait(false))
            {
                await store.BeginAsync(write, cancellationToken).ConfigureAwait(false);
                var result = await work(store).ConfigureAwait(false);
                await store.CommitTransactionAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
        catch (SqliteException exception)
        {
            throw new CatalogException(
                CatalogErrorKind.Unavailable, $"The {Description} failed: {exception.Message}", exception);
        }
    }
}
