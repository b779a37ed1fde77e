using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Catalog.Views;
using LakehouseManager.DataTests;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.PullRequests;
using LakehouseManager.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakehouseManager.Composition;

/// <summary>
/// The one composition root (design §7): from the settings it builds the catalog, the view-SQL resolver, the query
/// engine and the pull-request host, each on first use, so a run that needs no catalog (data tests on Dremio) never
/// opens one. Targets and use cases never create adapters; adding a catalog or a host is one entry in
/// <see cref="CatalogAdapters"/>, <see cref="QueryEngines"/> or <see cref="PullRequestHosts"/>. Disposing it closes
/// what it opened.
/// </summary>
public sealed partial class Lakehouse : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly SemaphoreSlim _catalogGate = new(1, 1);
    private readonly SemaphoreSlim _engineGate = new(1, 1);
    private CatalogAdapter? _catalog;
    private IQueryEngine? _engine;
    private IPullRequestHost? _host;
    private DremioConnection? _dremio;

    public Lakehouse(LakehouseSettings settings)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        // Every setting that can hold a secret: a parameter's error message may quote its value (a URL with its query).
        Redactor = new SecretRedactor(
        [
            settings.DremioPat, settings.NessieToken, .. SecretRedactor.InUrl(settings.DremioUrl),
            .. SecretRedactor.InUrl(settings.NessieUrl), .. SecretRedactor.InUrl(settings.AwsEndpointUrl), .. settings.Secrets,
        ]);
        Loggers = new RedactingLoggerFactory(settings.Loggers ?? NullLoggerFactory.Instance, Redactor);
        TimeProvider = settings.TimeProvider ?? TimeProvider.System;
        Repository = new GitRepository(settings.RepoPath, settings.Git);
        Mirror = new MirrorFolder(settings.RepoPath, settings.MirrorPath);
    }

    public LakehouseSettings Settings { get; }

    /// <summary>Where progress goes, with the run's secrets masked.</summary>
    public ILoggerFactory Loggers { get; }

    /// <summary>Masks the run's secrets in everything the tool writes (artifacts, log lines, error messages).</summary>
    public SecretRedactor Redactor { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The mirror checkout.</summary>
    public GitRepository Repository { get; }

    /// <summary>The mirror folder in the checkout.</summary>
    public MirrorFolder Mirror { get; }

    /// <summary>The versioned catalog (<c>--catalog</c>), opened on first use.</summary>
    public async Task<ICatalog> GetCatalogAsync(CancellationToken cancellationToken = default) =>
        (await GetCatalogAdapterAsync(cancellationToken).ConfigureAwait(false)).Catalog;

    /// <summary>The catalog with its view-SQL resolver.</summary>
    public async Task<CatalogViews> GetViewsAsync(CancellationToken cancellationToken = default)
    {
        var adapter = await GetCatalogAdapterAsync(cancellationToken).ConfigureAwait(false);
        return new CatalogViews(adapter.Catalog, adapter.Resolver);
    }

    /// <summary>The embedded catalog itself, for what only it can do (its SQL statements).</summary>
    public async Task<LocalCatalog> GetLocalCatalogAsync(CancellationToken cancellationToken = default)
    {
        if (Settings.Catalog != CatalogKind.Local)
        {
            throw new LakehouseException(
                $"This runs on the embedded local catalog only (--catalog local), not on --catalog {CatalogAdapters.Flag(Settings.Catalog)}.");
        }

        return (LocalCatalog)await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where data-test queries run, built for the catalog kind on first use.</summary>
    public async Task<IQueryEngine> GetQueryEngineAsync(CancellationToken cancellationToken = default)
    {
        // Its own gate: building the local engine opens the catalog, which takes the catalog's gate.
        await _engineGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _engine ??= await QueryEngines.CreateAsync(this, cancellationToken).ConfigureAwait(false);
            return _engine;
        }
        finally
        {
            _engineGate.Release();
        }
    }

    /// <summary>The pull-request host (<c>--pr-host</c>).</summary>
    public IPullRequestHost PullRequestHost => _host ??= PullRequestHosts.Create(this);

    /// <summary>
    /// The Dremio of <c>--catalog dremio</c> and <c>dremio-cloud</c> (and of data tests on a Nessie), built once, with
    /// the PAT from <c>--dremio-pat</c> or Secrets Manager.
    /// </summary>
    internal async Task<DremioConnection> GetDremioAsync(CancellationToken cancellationToken = default)
    {
        var pat = await GetDremioPatAsync(cancellationToken).ConfigureAwait(false);
        lock (_owned)
        {
            return _dremio ??= DremioConnection.Create(this, pat);
        }
    }

    /// <summary>Keeps something the root opened, to close it with the root.</summary>
    internal T Own<T>(T disposable)
        where T : IDisposable
    {
        lock (_owned)
        {
            _owned.Add(disposable);
        }

        return disposable;
    }

    internal ILogger<T> Logger<T>() => Loggers.CreateLogger<T>();

    private async Task<CatalogAdapter> GetCatalogAdapterAsync(CancellationToken cancellationToken)
    {
        await _catalogGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _catalog ??= await CatalogAdapters.CreateAsync(this, cancellationToken).ConfigureAwait(false);
            return _catalog;
        }
        finally
        {
            _catalogGate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
        _catalogGate.Dispose();
        _engineGate.Dispose();
        _patGate.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A catalog and the resolver that reads its views' SQL.</summary>
internal sealed record CatalogAdapter(ICatalog Catalog, IViewSqlResolver Resolver);
