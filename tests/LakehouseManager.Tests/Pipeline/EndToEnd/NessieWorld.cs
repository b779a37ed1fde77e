using LakehouseManager.Composition;
using LakehouseManager.Fakes;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Tests.Dremio;
using LakehouseManager.Tests.Mirror.Git;

namespace LakehouseManager.Tests.Pipeline.EndToEnd;

/// <summary>
/// The whole loop's world for a Nessie-based catalog kind: the Nessie fake with the Dremio fake serving it as source
/// <see cref="Source"/>, a bare git remote and a checkout, and the pipeline built by the one composition root from the
/// settings a user would pass for <c>--catalog nessie</c>, <c>dremio</c> or <c>dremio-cloud</c>.
/// </summary>
internal sealed class NessieWorld : IAsyncDisposable
{
    public const string Source = "lakehouse";
    public const string Pat = "dremio-pat-e2e-4b1d9f";

    private readonly GitSandbox _sandbox;
    private readonly HostRoutingHandler _handler;

    private NessieWorld(CatalogKind kind, NessieFake nessie, DremioFake dremio, GitSandbox sandbox, GitRepository remote, GitRepository checkout)
    {
        Kind = kind;
        Nessie = nessie;
        Dremio = dremio;
        _sandbox = sandbox;
        Remote = remote;
        Checkout = checkout;
        _handler = new HostRoutingHandler(new Dictionary<string, Uri>
        {
            [NessieEndpointHosts.Us] = nessie.BaseAddress,
            [NessieEndpointHosts.Emea] = nessie.BaseAddress,
            ["api.dremio.cloud"] = dremio.BaseAddress,
            ["api.eu.dremio.cloud"] = dremio.BaseAddress,
        });
    }

    public CatalogKind Kind { get; }

    public NessieFake Nessie { get; }

    public DremioFake Dremio { get; }

    public GitRepository Remote { get; }

    public GitRepository Checkout { get; }

    public GitSandbox Sandbox => _sandbox;

    public string Artifacts => _sandbox.Combine("artifacts");

    public static async Task<NessieWorld> CreateAsync(CatalogKind kind, int? nessieLatencyMs = null)
    {
        var nessie = await NessieFake.StartAsync(new NessieFakeOptions { Token = Pat });
        var dremio = await DremioFake.StartAsync(new DremioFakeOptions { Pat = Pat });
        nessie.ServeDremio(dremio, Source);
        if (nessieLatencyMs is { } latency)
        {
            nessie.Latency = TimeSpan.FromMilliseconds(latency);
        }

        var sandbox = new GitSandbox();
        var (remote, checkout) = await sandbox.CreateRemoteAndCloneAsync("checkout");
        return new NessieWorld(kind, nessie, dremio, sandbox, remote, checkout);
    }

    /// <summary>The settings a user passes for the world's kind (the PAT through <c>--dremio-pat</c>).</summary>
    public LakehouseSettings Settings() => Kind switch
    {
        CatalogKind.Nessie => Common() with
        {
            NessieUrl = Nessie.ApiUri.ToString(),
            // Data tests go through a Dremio that reads this Nessie as a source.
            DremioUrl = Dremio.BaseAddress.ToString(),
        },
        CatalogKind.Dremio => Common() with { DremioUrl = Dremio.BaseAddress.ToString() },
        CatalogKind.DremioCloud => Common() with
        {
            ProjectId = Dremio.ProjectId,
            CatalogId = Nessie.RepositoryId,
            DremioCloudRegion = "emea",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Not a Nessie-based kind."),
    };

    public Lakehouse Lakehouse() => new(Settings());

    public async ValueTask DisposeAsync()
    {
        _handler.Dispose();
        await Dremio.DisposeAsync();
        await Nessie.DisposeAsync();
        _sandbox.Dispose();
    }

    private LakehouseSettings Common() => new()
    {
        Catalog = Kind,
        CatalogName = Source,
        DremioPat = Pat,
        RepoPath = Checkout.Directory,
        MirrorPath = "views",
        ArtifactsDirectory = Artifacts,
        Git = _sandbox.Options,
        HttpHandler = _handler,
        DremioOptions = DremioTestKit.FastPolling,
    };
}

/// <summary>The Arctic hosts, as <see cref="LakehouseManager.Catalog.Nessie.NessieEndpoint"/> names them.</summary>
internal static class NessieEndpointHosts
{
    public const string Us = LakehouseManager.Catalog.Nessie.NessieEndpoint.ArcticUsHost;
    public const string Emea = LakehouseManager.Catalog.Nessie.NessieEndpoint.ArcticEmeaHost;
}
