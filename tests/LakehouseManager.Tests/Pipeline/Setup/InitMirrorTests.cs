using LakehouseManager.Catalog.Local;
using LakehouseManager.Composition;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Setup;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.Pipeline.Demo;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Setup;

/// <summary>
/// Init on real SQLite and real git: what it creates, what it keeps, and what it refuses before it creates anything.
/// </summary>
public sealed class InitMirrorTests : IDisposable
{
    private readonly GitSandbox _sandbox = new();
    private readonly RecordingLoggers _loggers = new();

    private string CatalogPath => _sandbox.Combine("catalog.db");

    private string RepoPath => _sandbox.Combine("mirror");

    private string BarePath => _sandbox.Combine("mirror.git");

    [Fact(Timeout = 60_000)]
    public async Task From_nothing_Init_creates_the_catalog_a_bare_remote_and_the_checkout()
    {
        // Act
        var result = await InitAsync();

        // Assert
        Assert.Equal((true, true, true), (result.Catalog.Created, result.Remote.Created, result.Checkout.Created));
        Assert.True(File.Exists(CatalogPath));
        Assert.Equal("true\n", await _sandbox.GitAsync(new GitRepository(BarePath, _sandbox.Options), "rev-parse", "--is-bare-repository"));
        var checkout = new GitRepository(RepoPath, _sandbox.Options);
        Assert.Equal(BarePath, await checkout.Remotes.GetUrlAsync("origin"));
        Assert.Equal("main", await checkout.WorkTree.GetCurrentBranchAsync());
        Assert.Null(result.Sync.Commit);
        Assert.Contains(_loggers.Logger.Entries, e => e.Message.Contains("catalog branch main has no views yet", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_first_sync_mirrors_the_catalog_and_pushes_it_to_the_remote()
    {
        // Arrange
        await CreateCatalogAsync("CREATE VIEW shop.sales.orders AS SELECT 1 AS id");

        // Act
        var result = await InitAsync();

        // Assert
        Assert.False(result.Catalog.Created);
        Assert.NotNull(result.Sync.Commit);
        var remote = new GitRepository(BarePath, _sandbox.Options);
        Assert.Equal(result.Sync.Commit, await remote.History.RevParseAsync("main"));
        Assert.Equal("shop/sales/orders.sql\n", await _sandbox.GitAsync(remote, "ls-tree", "-r", "--name-only", "main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_second_run_changes_nothing_and_says_so()
    {
        // Arrange
        await CreateCatalogAsync("CREATE VIEW shop.sales.orders AS SELECT 1 AS id");
        var first = await InitAsync();
        var catalogBytes = await File.ReadAllBytesAsync(CatalogPath);

        // Act
        var second = await InitAsync();

        // Assert
        Assert.True(first.ChangedAnything);
        Assert.False(second.ChangedAnything);
        Assert.Equal((false, false, false), (second.Catalog.Created, second.Remote.Created, second.Checkout.Created));
        Assert.Null(second.Sync.Commit);
        Assert.Equal(first.Sync.Commit, await new GitRepository(BarePath, _sandbox.Options).History.RevParseAsync("main"));
        Assert.Equal(catalogBytes, await File.ReadAllBytesAsync(CatalogPath));
        Assert.Contains(_loggers.Logger.Entries, e => e.Message.StartsWith("Init changed nothing", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_given_remote_is_cloned_and_no_bare_repository_is_made_beside_the_checkout()
    {
        // Arrange
        await CreateCatalogAsync("CREATE VIEW shop.sales.orders AS SELECT 1 AS id");
        var (remote, _) = await _sandbox.CreateRemoteAndCloneAsync("someone-else");

        // Act
        var result = await InitAsync(remoteUrl: remote.Directory);

        // Assert
        Assert.False(result.Remote.Created);
        Assert.False(Directory.Exists(BarePath));
        Assert.Equal(result.Sync.Commit, await remote.History.RevParseAsync("main"));
        Assert.Contains("README.md", await _sandbox.GitAsync(remote, "ls-tree", "--name-only", "main"), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_empty_remote_whose_HEAD_names_another_branch_gets_the_mirrored_branch()
    {
        // Arrange
        await CreateCatalogAsync("CREATE VIEW shop.sales.orders AS SELECT 1 AS id");
        var remote = await GitRepository.InitAsync(_sandbox.Combine("trunk.git"), bare: true, initialBranch: "trunk", options: _sandbox.Options);

        // Act
        var result = await InitAsync(remoteUrl: remote.Directory);

        // Assert
        Assert.Equal(result.Sync.Commit, await remote.History.RevParseAsync("refs/heads/main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_existing_checkout_without_a_remote_gets_one_and_keeps_its_commits()
    {
        // Arrange
        await CreateCatalogAsync("CREATE VIEW shop.sales.orders AS SELECT 1 AS id");
        var checkout = await GitRepository.InitAsync(RepoPath, options: _sandbox.Options);
        var readme = await GitSandbox.CommitFileAsync(checkout, "README.md", "# Our views\n", "Start");

        // Act
        var result = await InitAsync();

        // Assert
        Assert.Equal((false, true), (result.Checkout.Created, result.Remote.Created));
        Assert.Equal(BarePath, await checkout.Remotes.GetUrlAsync("origin"));
        Assert.Equal(readme, await checkout.History.RevParseAsync("HEAD~1"));
        Assert.Equal(result.Sync.Commit, await new GitRepository(BarePath, _sandbox.Options).History.RevParseAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_remote_folder_that_does_not_exist_is_refused_before_anything_is_created()
    {
        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => InitAsync(remoteUrl: _sandbox.Combine("typo.git")));

        // Assert
        Assert.StartsWith($"--remote-url {_sandbox.Combine("typo.git")} does not exist", error.Message, StringComparison.Ordinal);
        AssertNothingCreated();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_repo_path_with_files_that_is_not_a_checkout_is_refused_before_anything_is_created()
    {
        // Arrange
        Directory.CreateDirectory(RepoPath);
        await File.WriteAllTextAsync(Path.Combine(RepoPath, "notes.txt"), "mine");

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => InitAsync());

        // Assert
        Assert.Equal(
            $"--repo-path {RepoPath} holds files but is not a git checkout: give a missing or empty folder (Init clones the " +
            "mirror there) or the top folder of an existing checkout.",
            error.Message);
        Assert.False(File.Exists(CatalogPath));
        Assert.False(Directory.Exists(BarePath));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_checkout_whose_remote_is_another_one_than_the_given_one_is_refused()
    {
        // Arrange
        await CreateCatalogAsync();
        var (_, clone) = await _sandbox.CreateRemoteAndCloneAsync("mirror");
        var other = await GitRepository.InitAsync(_sandbox.Combine("other.git"), bare: true, options: _sandbox.Options);

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => InitAsync(remoteUrl: other.Directory));

        // Assert
        Assert.StartsWith($"The checkout {clone.Directory} has remote 'origin' at ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"not at {other.Directory} (--remote-url)", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_branch_the_catalog_does_not_have_is_refused_before_git_is_touched()
    {
        // Arrange
        await CreateCatalogAsync();

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => InitAsync("dev"));

        // Assert
        Assert.StartsWith("Catalog branch 'dev' (--to-ref) does not exist in ", error.Message, StringComparison.Ordinal);
        Assert.Contains("its branches are: main. Create it first", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(RepoPath));
        Assert.False(Directory.Exists(BarePath));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_new_catalog_is_not_created_for_a_branch_it_would_not_have()
    {
        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => InitAsync("dev"));

        // Assert
        Assert.Contains("a new one has only its default branch 'main' (--from-ref), not 'dev' (--to-ref)", error.Message, StringComparison.Ordinal);
        AssertNothingCreated();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_branch_name_git_cannot_store_is_refused_before_anything_is_created()
    {
        // Act
        var error = await Assert.ThrowsAnyAsync<LakehouseException>(() => InitAsync(new string('b', 300)));

        // Assert
        Assert.Contains("it has 300 characters, and a branch name has at most 244", error.Message, StringComparison.Ordinal);
        AssertNothingCreated();
    }

    [Theory]
    [InlineData("/srv/git/mirror.git", true)]
    [InlineData("../mirror.git", true)]
    [InlineData("mirror.git", true)]
    [InlineData("https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/views", false)]
    [InlineData("codecommit::eu-west-1://views", false)]
    [InlineData("git@github.com:team/views.git", false)]
    [InlineData("file:///srv/git/mirror.git", false)]
    public void A_remote_is_a_folder_or_a_URL(string location, bool isFolder)
    {
        Assert.Equal(isFolder, RemoteLocation.IsLocalPath(location));
    }

    [Fact]
    public void A_remote_URL_is_shown_without_its_password()
    {
        Assert.Equal("https://***@example.com/views.git", RemoteLocation.Shown("https://bot:s3cret@example.com/views.git"));
    }

    public void Dispose() => _sandbox.Dispose();

    private async Task<InitMirrorResult> InitAsync(string branch = "main", string? remoteUrl = null)
    {
        await using var lakehouse = new Lakehouse(new LakehouseSettings
        {
            CatalogPath = CatalogPath,
            RepoPath = RepoPath,
            ArtifactsDirectory = _sandbox.Combine("artifacts"),
            Git = _sandbox.Options,
            Loggers = _loggers,
            TimeProvider = _sandbox.Clock,
        });
        return await new LakehousePipeline(lakehouse).InitAsync(branch, remoteUrl);
    }

    private async Task CreateCatalogAsync(params string[] statements)
    {
        using var catalog = await LocalCatalog.OpenAsync(CatalogPath);
        var sql = new LocalSqlExecutor(catalog);
        foreach (var statement in statements)
        {
            await sql.ExecuteAsync("main", statement);
        }
    }

    private void AssertNothingCreated()
    {
        Assert.False(File.Exists(CatalogPath));
        Assert.False(Directory.Exists(RepoPath));
        Assert.False(Directory.Exists(BarePath));
        Assert.DoesNotContain(_loggers.Logger.Entries, e => e.Level >= LogLevel.Information && e.Message.Contains("created", StringComparison.Ordinal));
    }
}
