using System.Diagnostics;
using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Catalog.Views;
using LakehouseManager.Composition;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Kill;

/// <summary>
/// The world every kill starts from, built once and copied for each kill: a catalog of <see cref="Views"/> views; a
/// bare remote whose main and dev are mirrored (dev changes a third of the views, drops some, adds some); a human
/// commit on dev pushed after the last sync; and a checkout on main whose dev is behind. The catalog's dev then changes
/// again, so the sync under test fetches, switches (rewriting hundreds of files), resets to the remote, writes, stages,
/// commits and pushes. An uninterrupted run's result is the reference every killed-and-rerun copy must reach.
/// </summary>
public sealed class KillWorld : IAsyncLifetime
{
    public const int Views = 300;

    private readonly TempDirectory _temp = new("lhm-kill");

    public string Template => _temp.Combine("template");

    /// <summary>The tree of remote dev after an uninterrupted sync.</summary>
    public string ReferenceTree { get; private set; } = "";

    /// <summary>The remote dev before the sync under test.</summary>
    public string StartCommit { get; private set; } = "";

    /// <summary>How long an uninterrupted sync process takes, start to exit (random kills fall within it).</summary>
    public TimeSpan ReferenceDuration { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Template);
        var catalogPath = Path.Combine(Template, "catalog.db");
        var remote = await GitRepository.InitAsync(Path.Combine(Template, "remote.git"), bare: true);
        var seed = await GitRepository.InitAsync(_temp.Combine("seed"));
        await WriteAndCommitAsync(seed, "README.md", "The mirror.\n", "Initial commit");
        await seed.Remotes.AddRemoteAsync("origin", remote.Directory);
        await seed.Remotes.PushAsync("origin", "main");
        var checkout = await GitRepository.CloneAsync(remote.Directory, Path.Combine(Template, "checkout"));

        using (var catalog = await LocalCatalog.OpenAsync(catalogPath))
        {
            await PutAsync(catalog, "main", Enumerable.Range(0, Views).Select(i => (Key(i), $"SELECT {i} AS v, 'main' AS b")));
            await SyncAsync(catalog, checkout, "main");
            var main = await catalog.GetBranchAsync("main");
            await catalog.CreateBranchAsync("dev", main.Hash);
            await PutAsync(catalog, "dev", Enumerable.Range(0, Views).Where(i => i % 3 == 0).Select(i => (Key(i), $"SELECT {i} AS v, 'dev' AS b")));
            await PutAsync(catalog, "dev", Enumerable.Range(Views, 30).Select(i => (Key(i), $"SELECT {i} AS v, 'new on dev' AS b")));
            await DropAsync(catalog, "dev", Enumerable.Range(1, 20).Select(i => Key(i * 7)));
            await SyncAsync(catalog, checkout, "dev");

            var human = await GitRepository.CloneAsync(remote.Directory, _temp.Combine("human"), "dev");
            await WriteAndCommitAsync(human, "README.md", "The mirror, reviewed on dev.\n", "Explain the review");
            await human.Remotes.PushAsync("origin", "dev");
            await checkout.WorkTree.CheckoutAsync("main");
            await PutAsync(catalog, "dev", Enumerable.Range(0, Views).Where(i => i % 3 == 1).Select(i => (Key(i), $"SELECT {i} AS v, 'dev again' AS b")));
            StartCommit = (await remote.History.RevParseAsync("dev"))!;
        }

        // The reference: one uninterrupted sync process on a copy.
        using var reference = new TempDirectory("lhm-kill-reference");
        var copy = await CopyAsync(reference.Path);
        var watch = Stopwatch.StartNew();
        var run = await KillHarness.RunSyncAsync(copy, environment: null, CancellationToken.None);
        ReferenceDuration = watch.Elapsed;
        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        ReferenceTree = await copy.RemoteTreeAsync();
    }

    /// <summary>A copy of the template in <paramref name="folder"/>, its checkout pointing at its own remote.</summary>
    public async Task<KillCopy> CopyAsync(string folder)
    {
        CopyFolder(Template, folder);
        var copy = new KillCopy(folder);
        await new GitRepository(copy.Checkout).Runner.RunAsync(
            "remote set-url", a => a.Add("remote").Add("set-url").Add("origin").Add(copy.Remote), CancellationToken.None);
        return copy;
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private static ContentKey Key(int i) => ContentKey.ParseSqlPath($"shop.area{i % 10}.view{i:000}");

    private static async Task PutAsync(LocalCatalog catalog, string branch, IEnumerable<(ContentKey Key, string Sql)> views)
    {
        var head = await catalog.GetBranchAsync(branch);
        await catalog.CommitAsync(branch, head.Hash, [.. views.Select(v => ViewOperation.Put(v.Key, v.Sql))], "put");
    }

    private static async Task DropAsync(LocalCatalog catalog, string branch, IEnumerable<ContentKey> keys)
    {
        var head = await catalog.GetBranchAsync(branch);
        await catalog.CommitAsync(branch, head.Hash, [.. keys.Select(ViewOperation.Delete)], "drop");
    }

    private static async Task SyncAsync(LocalCatalog catalog, GitRepository checkout, string branch) =>
        await new SyncMirror(
            new CatalogViews(catalog, new ContentSqlTextResolver()),
            checkout,
            new MirrorFolder(checkout.Directory, KillCopy.MirrorPath),
            new SyncSettings(branch) { AllowMassDelete = true }).SyncAsync();

    private static async Task WriteAndCommitAsync(GitRepository repository, string path, string content, string message)
    {
        await File.WriteAllTextAsync(Path.Combine(repository.Directory, path), content);
        await repository.WorkTree.StageAsync();
        await repository.WorkTree.CommitAsync(message);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}

/// <summary>One copy of the kill world: the catalog file, the remote and the checkout, and how to sync and check it.</summary>
public sealed class KillCopy(string root)
{
    public const string MirrorPath = "views";

    public string Root => root;

    public string CatalogPath => Path.Combine(root, "catalog.db");

    public string Remote => Path.Combine(root, "remote.git");

    public string Checkout => Path.Combine(root, "checkout");

    public string Artifacts => Path.Combine(root, "artifacts");

    /// <summary>The build's arguments for a sync of dev in this copy.</summary>
    public IReadOnlyList<string> SyncArguments =>
    [
        "Sync", "--catalog-path", CatalogPath, "--repo-path", Checkout, "--mirror-path", MirrorPath, "--to-ref", "dev",
        "--artifacts-path", Artifacts,
    ];

    public LakehouseSettings Settings => new()
    {
        CatalogPath = CatalogPath,
        RepoPath = Checkout,
        MirrorPath = MirrorPath,
        ArtifactsDirectory = Artifacts,
    };

    public async Task<string> RemoteTreeAsync() =>
        (await new GitRepository(Remote).History.RevParseAsync("dev^{tree}"))!;

    /// <summary>The re-run: the same use case in this process, then VerifyMirror.</summary>
    public async Task<(SyncOutcome Sync, bool Agrees)> RerunAsync()
    {
        await using var lakehouse = new Lakehouse(Settings);
        var pipeline = new LakehousePipeline(lakehouse);
        var outcome = await pipeline.SyncAsync("dev");
        var verification = await pipeline.VerifyMirrorAsync("dev");
        return (outcome, verification.Agrees);
    }
}
