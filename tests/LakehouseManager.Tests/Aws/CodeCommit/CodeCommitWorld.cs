using Amazon.Runtime;
using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeCommit;
using LakehouseManager.Aws.CodeCommit.Operations;
using LakehouseManager.Fakes.Aws;
using LakehouseManager.Fakes.CodeCommit;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Tests.Mirror.Git;
using Polly;
using Xunit;

namespace LakehouseManager.Tests.Aws.CodeCommit;

/// <summary>
/// A <see cref="CodeCommitFake"/> that verifies signatures, a repository <c>mirror</c> with <c>main</c> and
/// <c>dev</c> pushed with real git, and clients signed as the bot or a reviewer.
/// </summary>
internal sealed class CodeCommitWorld : IAsyncDisposable
{
    public const string RepositoryName = "mirror";

    public static readonly AwsFakeIdentity Bot = new(
        "AKIAEXAMPLEBOT000001", "bot/secret/EXAMPLEKEY+0000000000000000", "arn:aws:sts::123456789012:assumed-role/lakehouse-manager/build-1");

    public static readonly AwsFakeIdentity Reviewer = new(
        "AKIAEXAMPLEREVIEWER1", "reviewer/secret/EXAMPLEKEY+000000000000", "arn:aws:iam::123456789012:user/reviewer");

    private readonly GitSandbox _git;

    private CodeCommitWorld(CodeCommitFake fake, CodeCommitFakeRepository repository, GitSandbox git, GitRepository work)
    {
        Fake = fake;
        Repository = repository;
        _git = git;
        Work = work;
    }

    public CodeCommitFake Fake { get; }

    public CodeCommitFakeRepository Repository { get; }

    /// <summary>A clone whose <c>origin</c> is the fake's bare repository.</summary>
    public GitRepository Work { get; }

    public static async Task<CodeCommitWorld> StartAsync(CodeCommitFakeOptions? options = null)
    {
        var fake = await CodeCommitFake.StartAsync((options ?? new CodeCommitFakeOptions()) with { Identities = [Bot, Reviewer] });
        var repository = await fake.CreateRepositoryAsync(RepositoryName);
        var git = new GitSandbox();
        var work = await GitRepository.InitAsync(git.Combine("work"), options: git.Options);
        await work.Remotes.AddRemoteAsync("origin", repository.Path);
        var world = new CodeCommitWorld(fake, repository, git, work);
        await world.CommitAsync("main", "README.md", "mirror\n");
        await world.CommitAsync("dev", "views/a.sql", "SELECT 1\n");
        return world;
    }

    /// <summary>A client of the fake signed as <paramref name="identity"/>.</summary>
    public CodeCommitClient Client(
        AwsFakeIdentity identity, ResiliencePipeline<HttpResponseMessage>? resilience = null, TimeProvider? timeProvider = null) =>
        new(Connection(identity, resilience, timeProvider));

    public AwsConnection Connection(
        AwsFakeIdentity identity, ResiliencePipeline<HttpResponseMessage>? resilience = null, TimeProvider? timeProvider = null) =>
        new(AwsSettings.For(Fake.Region, Fake.BaseAddress), AwsCredentialSource.Fixed(new BasicAWSCredentials(identity.AccessKeyId, identity.SecretAccessKey)))
        {
            Resilience = resilience,
            TimeProvider = timeProvider,
        };

    /// <summary>
    /// Commits one file on <paramref name="branch"/> as the fake has it now (a new branch starts from main) and pushes
    /// it; the commit id.
    /// </summary>
    public async Task<string> CommitAsync(string branch, string path, string content)
    {
        if (await Work.History.RevParseAsync("HEAD") is not null)
        {
            // The fake may have moved the branch (a merge): start from what it has.
            await Work.Remotes.FetchAsync("origin");
            var start = await Work.Remotes.RemoteTrackingBranchExistsAsync("origin", branch) ? $"origin/{branch}" : "origin/main";
            await _git.GitAsync(Work, "checkout", "--quiet", "-B", branch, start);
        }

        var commit = await GitSandbox.CommitFileAsync(Work, path, content, $"{path} on {branch}");
        Assert.True((await Work.Remotes.PushAsync("origin", branch)).IsPushed, $"git push of {branch} to the fake");
        return commit;
    }

    /// <summary>git run in the fake's bare repository.</summary>
    public async Task<string> RemoteGitAsync(params string[] arguments) =>
        (await _git.GitAsync(new GitRepository(Repository.Path, _git.Options), arguments)).Trim();

    /// <summary>Opens a pull request <paramref name="source"/> → main as <paramref name="identity"/> (the bot by default).</summary>
    public async Task<CodeCommitPullRequest> OpenAsync(string source = "dev", AwsFakeIdentity? identity = null, string? token = null)
    {
        using var client = Client(identity ?? Reviewer);
        return await client.CreatePullRequestAsync(
            new CreatePullRequestRequest($"Views from {source}", [new CreatePullRequestTarget(RepositoryName, source, "main")])
            {
                Description = "Catalog changes",
                ClientRequestToken = token,
            });
    }

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        _git.Dispose();
    }
}
