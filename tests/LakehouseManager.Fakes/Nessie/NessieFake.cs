using LakehouseManager.Fakes.Dremio;
using Microsoft.AspNetCore.Builder;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// A loopback Nessie REST API v2 (Kestrel on 127.0.0.1) that follows api-facts §A to the field: references, entries,
/// contents, diff, history, commit and merge, with Nessie's error bodies and rules (expected hashes, content ids,
/// namespaces, three-way merge with per-key conflicts), under <c>/api/v2/</c> and the Arctic form
/// <c>/repositories/{id}/api/v2/</c>. The spec version is configurable (2.1.x legacy keys, 2.2.0 escaped keys).
/// </summary>
/// <remarks>
/// Write views as Dremio does with <see cref="Views"/> (metadata files on disk, Dremio's commit messages), seed a
/// large catalog with <see cref="NessieFakeSeeder"/>, serve the Dremio endpoints of the same catalog with
/// <see cref="ServeDremio"/>, inject faults (<see cref="FailNextRequests"/>, <see cref="ResetNextRequests"/>,
/// <see cref="StallNextRequests"/>, <see cref="ConflictNextWrites"/>, <see cref="Latency"/>), and read
/// <see cref="Requests"/> and <see cref="RequestCounts"/> (also at <c>GET /_fake/stats</c>). Thread-safe.
/// </remarks>
public sealed partial class NessieFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly NessieFakeOptions _options;
    private readonly object _gate = new();
    private readonly List<NessieFakeRequest> _requests = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<HttpMessageHandler> _handlers = [];
    private readonly bool _ownsMetadataFolder;
    private TimeSpan _latency;

    private NessieFake(WebApplication app, NessieFakeOptions options)
    {
        _app = app;
        _options = options;
        _latency = options.Latency;
        Repository = new NessieFakeRepository(options.DefaultBranch, options.TimeProvider);
        _ownsMetadataFolder = options.MetadataFolder is null;
        MetadataFolder = options.MetadataFolder ??
            Path.Combine(Path.GetTempPath(), $"nessie-fake-{Guid.NewGuid():N}");
        Directory.CreateDirectory(MetadataFolder);
        Views = new NessieFakeViews(Repository, MetadataFolder);
        Data = new NessieFakeData();
    }

    /// <summary>The fake's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The self-managed API root: what <c>--nessie-url</c> points at.</summary>
    public Uri ApiUri => new(BaseAddress, "api/v2/");

    /// <summary>The Arctic form of the API root, <c>/repositories/{RepositoryId}/api/v2/</c>.</summary>
    public Uri ArcticApiUri => new(BaseAddress, $"repositories/{RepositoryId}/api/v2/");

    public string? Token => _options.Token;

    public string RepositoryId => _options.RepositoryId;

    public string SpecVersion => _options.SpecVersion;

    public NessieFakeOptions Options => _options;

    /// <summary>The versioned store behind the API (for seeding and assertions).</summary>
    public NessieFakeRepository Repository { get; }

    /// <summary>Writes views as Dremio does: metadata files plus commits with Dremio's messages.</summary>
    public NessieFakeViews Views { get; }

    /// <summary>The data tables the Dremio fake's queries read (none until seeded, e.g. <see cref="NessieFakeData.WithOrders"/>).</summary>
    public NessieFakeData Data { get; }

    /// <summary>Where the view metadata files are.</summary>
    public string MetadataFolder { get; }

    /// <summary>Waited before every answer; settable while running (the benchmark's latency runs).</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _latency = value;
            }
        }
    }

    /// <summary>Starts a fake on a loopback port (<see cref="NessieFakeOptions.Port"/>, or a free one).</summary>
    public static async Task<NessieFake> StartAsync(NessieFakeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NessieFakeOptions();
        var (fake, address) = await LoopbackHost.StartAsync(
            options.Port,
            app => new NessieFake(app, options),
            f => f.HandleAsync,
            cancellationToken).ConfigureAwait(false);
        fake.BaseAddress = address;
        return fake;
    }

    /// <summary>A handler that sends every request to this fake, whatever host its URL names (e.g. nessie.dremio.cloud).</summary>
    public HttpMessageHandler CreateHandler()
    {
        var handler = new LoopbackRedirectHandler(BaseAddress);
        lock (_gate)
        {
            _handlers.Add(handler);
        }

        return handler;
    }

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<NessieFakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Requests per endpoint (e.g. <c>GET trees/{ref}/entries</c>), failed and injected ones included.</summary>
    public IReadOnlyDictionary<string, int> RequestCounts
    {
        get
        {
            lock (_gate)
            {
                return new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>All requests counted since the start or the last <see cref="ResetRequests"/>.</summary>
    public int TotalRequests
    {
        get
        {
            lock (_gate)
            {
                return _counts.Values.Sum();
            }
        }
    }

    /// <summary>Forgets the recorded requests and counts (between benchmark steps).</summary>
    public void ResetRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
            _counts.Clear();
        }
    }

    /// <summary>
    /// Serves this catalog's Dremio endpoints on <paramref name="dremio"/> as the source <paramref name="sourceName"/>:
    /// the catalog API, SHOW CREATE VIEW and INFORMATION_SCHEMA, the versioned SQL (<see cref="NessieFakeDremioSql"/>),
    /// and queries on the views over <see cref="Data"/>. Scripts added to the Dremio fake later win over these.
    /// </summary>
    public void ServeDremio(DremioFake dremio, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(dremio);
        var catalog = new NessieFakeDremioCatalog(this);
        dremio.OnSql(query => Data.Answer(query, sourceName, catalog.Lookup));
        dremio.ServeVersionedSource(sourceName, catalog);
        dremio.OnSql(new NessieFakeDremioSql(this, sourceName).Answer);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var handler in _handlers)
            {
                handler.Dispose();
            }
        }

        Data.Dispose();
        if (_ownsMetadataFolder)
        {
            try
            {
                Directory.Delete(MetadataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
