using CliWrap.Buffered;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.Pipeline.Sync;
using LakehouseManager.Tests.Support;

namespace LakehouseManager.Tests.Pipeline.Safety;

/// <summary>
/// A user's world for the build run as a process, as a new user tries it: a local catalog with views on main and dev,
/// a bare remote and a checkout with both branches mirrored (folder <c>views</c>), a data-tests file on dev, and an
/// artifacts folder of its own.
/// </summary>
internal sealed class SafetyWorld : IAsyncDisposable
{
    public const string TestsPath = "tests/data-tests.yaml";

    public const string TestsFile =
        """
        tests:
          - name: orders_exist
            sql: SELECT COUNT(*) AS n FROM shop.raw.orders
            expect:
              scalar: { column: n, at_least: 0 }
        """;

    private SafetyWorld(SyncFixture fixture)
    {
        Fixture = fixture;
    }

    public SyncFixture Fixture { get; }

    public string Artifacts => Fixture.Sandbox.Combine("artifacts");

    public string CatalogPath => Fixture.Catalog.Path;

    public string Checkout => Fixture.Checkout.Directory;

    public static async Task<SafetyWorld> CreateAsync(string mirrorPath = "views")
    {
        var fixture = await SyncFixture.CreateAsync(mirrorPath);
        await fixture.CreateViewAsync("main", "shop.sales.orders");
        await fixture.CreateViewAsync("main", "shop.sales.revenue", "SELECT SUM(amount) AS revenue FROM shop.raw.orders");
        await fixture.NewSync().SyncAsync();
        await fixture.ExecAsync("main", "CREATE BRANCH dev");
        await fixture.CreateViewAsync("dev", "shop.sales.big_orders", "SELECT id FROM shop.raw.orders WHERE amount > 100");
        await fixture.NewSync("dev").SyncAsync();
        await GitSandbox.CommitFileAsync(fixture.Checkout, TestsPath, TestsFile, "Data tests");
        await fixture.Checkout.Remotes.PushAsync("origin", "dev");
        return new SafetyWorld(fixture);
    }

    /// <summary>The arguments every pipeline target of this world takes.</summary>
    public string[] Common(string toRef = "dev") =>
    [
        "--catalog-path", CatalogPath, "--repo-path", Checkout, "--mirror-path", Fixture.MirrorPath, "--to-ref", toRef,
        "--artifacts-path", Artifacts,
    ];

    public static Task<BufferedCommandResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        BuildProcess.RunAsync(arguments, environment);

    /// <summary>What the remote and the checkout hold: to prove that a refused run changed nothing.</summary>
    public async Task<string> StateAsync() =>
        string.Join('\n',
            await Fixture.Sandbox.GitAsync(Fixture.Remote, "for-each-ref", "--format=%(refname) %(objectname)"),
            await Fixture.Sandbox.GitAsync(Fixture.Checkout, "for-each-ref", "--format=%(refname) %(objectname)"),
            await Fixture.Sandbox.GitAsync(Fixture.Checkout, "status", "--porcelain=v1", "--untracked-files=all"),
            await Fixture.Sandbox.GitAsync(Fixture.Checkout, "symbolic-ref", "HEAD"));

    public ValueTask DisposeAsync() => Fixture.DisposeAsync();
}
