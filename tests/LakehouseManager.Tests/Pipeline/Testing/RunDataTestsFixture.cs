using LakehouseManager.Catalog.Local;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline.Testing;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.Pipeline.Demo;
using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LakehouseManager.Tests.Pipeline.Testing;

/// <summary>
/// The demo's local catalog (the bug on <c>dev</c>), real git repositories in a sandbox, and an artifacts folder: what
/// a <see cref="RunDataTests"/> run needs, on a clock that does not move so that reports are the same on every
/// machine.
/// </summary>
internal sealed class RunDataTestsFixture : IDisposable
{
    private RunDataTestsFixture(TempDirectory temp, GitSandbox sandbox, LocalCatalog catalog)
    {
        Temp = temp;
        Sandbox = sandbox;
        Catalog = catalog;
    }

    public TempDirectory Temp { get; }

    public GitSandbox Sandbox { get; }

    public LocalCatalog Catalog { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero));

    public string ArtifactsDirectory => Temp.Combine("artifacts");

    public string TestResultsDirectory => Path.Combine(ArtifactsDirectory, DataTestReportFiles.Folder);

    public static async Task<RunDataTestsFixture> CreateAsync()
    {
        var temp = new TempDirectory();
        return new RunDataTestsFixture(temp, new GitSandbox(), await DemoCatalog.CreateAsync(temp));
    }

    /// <summary>A repository without a remote: a README on main, the files committed on <paramref name="branch"/>,
    /// main checked out.</summary>
    public async Task<GitRepository> CreateRepositoryAsync(string branch, params (string Path, string Content)[] files)
    {
        var repository = await GitRepository.InitAsync(Sandbox.Combine("mirror"), options: Sandbox.Options);
        await GitSandbox.CommitFileAsync(repository, "README.md", "mirror\n", "Initial commit");
        await CommitOnBranchAsync(repository, branch, "main", files);
        await repository.WorkTree.CheckoutAsync("main");
        return repository;
    }

    /// <summary>Creates (from <paramref name="from"/>) or checks out the branch and commits the files on it.</summary>
    public static async Task<string> CommitOnBranchAsync(
        GitRepository repository, string branch, string? from, params (string Path, string Content)[] files)
    {
        if (from is not null)
        {
            await repository.History.CreateBranchAsync(branch, from);
        }

        await repository.WorkTree.CheckoutAsync(branch);
        foreach (var (path, content) in files)
        {
            GitSandbox.WriteFile(repository, path, content);
        }

        await repository.WorkTree.StageAsync();
        return await repository.WorkTree.CommitAsync($"Tests on {branch}");
    }

    public RunDataTestsSettings Settings(GitRepository repository, string testsPath, string branch = "dev") => new()
    {
        Repository = repository,
        TestsPath = testsPath,
        Branch = branch,
        Engine = new LocalQueryEngine(Catalog),
        ArtifactsDirectory = ArtifactsDirectory,
    };

    public RunDataTests UseCase(RecordingLogger? logger = null) => new(logger, Clock);

    /// <summary>A rendered output with this machine's temp folder replaced, for comparison with an expected file.</summary>
    public string Portable(string text) => text.Replace(Temp.Path, "$TEMP", StringComparison.Ordinal);

    public void Dispose()
    {
        Catalog.Dispose();
        Sandbox.Dispose();
        Temp.Dispose();
    }
}
