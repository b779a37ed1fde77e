using Amazon.Runtime;
using LakehouseManager.Aws.CodeCommit;
using LakehouseManager.Aws.CodeCommit.Operations;
using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Composition;
using LakehouseManager.Demo;
using LakehouseManager.Fakes.CodeCommit;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Events;
using LakehouseManager.PullRequests.Events;
using LakehouseManager.Tests.Aws.CodeCommit;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>
/// A whole review loop on loopback: the CodeCommit fake (real bare git repositories, pull requests, comments and the
/// EventBridge events CodeCommit sends, recorded as they are emitted), the demo's local catalog (SQLite), and as many
/// pipelines as a test wants, each with its own checkout, as separate CodeBuild jobs have. The tool signs as the bot
/// (an assumed-role session of role lakehouse-manager), a person as the reviewer.
/// </summary>
internal sealed class ReviewWorld : IAsyncDisposable
{
    private readonly string _repository;

    /// <summary>The role the bot's sessions belong to: what <c>--bot-arn</c> says.</summary>
    public const string BotRole = "arn:aws:iam::123456789012:role/lakehouse-manager";

    public const string TestsPath = DemoDataTests.YamlPath;

    private readonly List<CodeCommitFakeEvent> _events = [];
    private readonly List<Lakehouse> _lakehouses = [];
    private int _checkouts;

    private ReviewWorld(GitSandbox git, string repository, string branch)
    {
        Git = git;
        _repository = repository;
        Branch = branch;
    }

    /// <summary>The mirror repository's name in CodeCommit.</summary>
    public string Repository => _repository;

    /// <summary>The pull request's branch, in git and in the catalog.</summary>
    public string Branch { get; }

    public GitSandbox Git { get; }

    public CodeCommitFake Fake { get; private set; } = null!;

    public CodeCommitFakeRepository Remote { get; private set; } = null!;

    public LocalCatalog Catalog { get; private set; } = null!;

    public string CatalogPath => Git.Combine("catalog.db");

    /// <summary>The person's checkout, where the tests file was committed.</summary>
    public GitRepository Seed { get; private set; } = null!;

    public ReviewSettings Review { get; } = new() { TestsPath = TestsPath };

    /// <summary>Every event the fake emitted so far, in order.</summary>
    public IReadOnlyList<CodeCommitFakeEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>
    /// The catalog's main with the demo's tables and views and a branch dev cut from it; the mirror repository with
    /// main mirrored (one bootstrap commit) and the tests file, and git branch dev cut from main with a note of the
    /// change (CodeCommit comments sit between two different commits).
    /// </summary>
    public static async Task<ReviewWorld> StartAsync(
        string repository = CodeCommitWorld.RepositoryName, string branch = "dev", int firstPullRequestId = 1,
        Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null)
    {
        var world = new ReviewWorld(new GitSandbox(clock: clock), repository, branch);
        world.Fake = await CodeCommitFake.StartAsync(new CodeCommitFakeOptions
        {
            FirstPullRequestId = firstPullRequestId,
            Identities = [CodeCommitWorld.Bot, CodeCommitWorld.Reviewer],
            OnEvent = (item, _) =>
            {
                lock (world._events)
                {
                    world._events.Add(item);
                }

                return Task.CompletedTask;
            },
        });
        world.Remote = await world.Fake.CreateRepositoryAsync(repository);
        world.Catalog = await LocalCatalog.OpenAsync(world.CatalogPath, new LocalCatalogOptions { Author = "engineer", TimeProvider = world.Git.Clock });
        var sql = new LocalSqlExecutor(world.Catalog);
        foreach (var statement in DemoScript.Tables.Concat(DemoScript.ViewsOnMain))
        {
            await sql.ExecuteAsync("main", statement);
        }

        await sql.ExecuteAsync("main", $"CREATE BRANCH \"{branch}\"");
        world.Seed = await GitRepository.InitAsync(world.Git.Combine("seed"), options: world.Git.Options);
        await world.Seed.Remotes.AddRemoteAsync("origin", world.Remote.Path);
        await GitSandbox.CommitFileAsync(world.Seed, TestsPath, DemoDataTests.Yaml, "Data tests");
        Assert.True((await world.Seed.Remotes.PushAsync("origin", "main")).IsPushed);
        var first = world.Pipeline();
        await first.SyncAsync("main");
        await world.Seed.Remotes.FetchAsync("origin");
        await world.Git.GitAsync(world.Seed, "checkout", "--quiet", "-b", branch, "origin/main");
        await GitSandbox.CommitFileAsync(world.Seed, $"notes/{branch}.md", "Why these views change.\n", "Notes of the change");
        Assert.True((await world.Seed.Remotes.PushAsync("origin", branch)).IsPushed);
        return world;
    }

    /// <summary>A pipeline of its own (its own clone of the mirror, its own artifacts), as one CodeBuild job has.</summary>
    public LakehousePipeline Pipeline()
    {
        var (checkout, artifacts) = NewJob();
        var lakehouse = new Lakehouse(new LakehouseSettings
        {
            Catalog = CatalogKind.Local,
            CatalogPath = CatalogPath,
            RepoPath = checkout,
            MirrorPath = "views",
            RepoName = Repository,
            ArtifactsDirectory = artifacts,
            PullRequestHost = PullRequestHostKind.CodeCommit,
            AwsRegion = Fake.Region,
            AwsEndpointUrl = Fake.BaseAddress.ToString(),
            AwsCredentials = new BasicAWSCredentials(CodeCommitWorld.Bot.AccessKeyId, CodeCommitWorld.Bot.SecretAccessKey),
            BotArn = BotRole,
            Git = Git.Options,
            TimeProvider = Git.Clock,
        });
        lock (_lakehouses)
        {
            _lakehouses.Add(lakehouse);
        }

        return new LakehousePipeline(lakehouse);
    }

    /// <summary>A fresh clone of the mirror and an artifacts folder, as a CodeBuild job has.</summary>
    public (string Checkout, string Artifacts) NewJob()
    {
        var number = Interlocked.Increment(ref _checkouts);
        var checkout = Git.Combine($"job-{number}", "checkout");
        GitRepository.CloneAsync(Remote.Path, checkout, options: Git.Options).GetAwaiter().GetResult();
        return (checkout, Git.Combine($"job-{number}", "artifacts"));
    }

    /// <summary>A CodeCommit client signed as the reviewer.</summary>
    public CodeCommitClient Reviewer() =>
        new(new LakehouseManager.Aws.AwsConnection(
            LakehouseManager.Aws.AwsSettings.For(Fake.Region, Fake.BaseAddress),
            LakehouseManager.Aws.AwsCredentialSource.Fixed(new BasicAWSCredentials(CodeCommitWorld.Reviewer.AccessKeyId, CodeCommitWorld.Reviewer.SecretAccessKey))));

    public async Task<string> OpenPullRequestAsync()
    {
        using var client = Reviewer();
        var pr = await client.CreatePullRequestAsync(
            new CreatePullRequestRequest($"Views from {Branch}", [new CreatePullRequestTarget(Repository, Branch, "main")]));
        return pr.PullRequestId!;
    }

    /// <summary>The reviewer's comment on the pull request; its id.</summary>
    public async Task<string> CommentAsync(string pullRequestId, string content)
    {
        using var client = Reviewer();
        var target = (await client.GetPullRequestAsync(pullRequestId)).PullRequestTargets[0];
        var posted = await client.PostCommentForPullRequestAsync(
            new PostCommentForPullRequestRequest(pullRequestId, Repository, target.DestinationCommit!, target.SourceCommit!, content));
        return posted.Comment!.CommentId!;
    }

    public async Task MergeAsync(string pullRequestId)
    {
        using var client = Reviewer();
        await client.MergePullRequestByFastForwardAsync(new MergePullRequestByFastForwardRequest(pullRequestId, Repository));
    }

    /// <summary>The data engineer's change on catalog dev, fixed so that the data tests pass.</summary>
    public async Task ChangeCatalogAsync()
    {
        var sql = new LocalSqlExecutor(Catalog);
        foreach (var statement in DemoScript.ChangesOnDev.Append(DemoScript.FixOnDev))
        {
            await sql.ExecuteAsync(Branch, statement);
        }
    }

    /// <summary>Every comment of the pull request, as CodeCommit has them.</summary>
    public async Task<IReadOnlyList<CodeCommitComment>> CommentsAsync(string pullRequestId)
    {
        using var client = Reviewer();
        var comments = new List<CodeCommitComment>();
        await foreach (var group in client.GetCommentsAsync(new GetCommentsForPullRequestRequest(pullRequestId)))
        {
            comments.AddRange(group.Comments);
        }

        return comments.DistinctBy(c => c.CommentId).ToList();
    }

    /// <summary>The commits of a branch of the mirror repository, newest first.</summary>
    public async Task<IReadOnlyList<string>> CommitsAsync(string branch) =>
        (await Git.GitAsync(new GitRepository(Remote.Path, Git.Options), "log", "--format=%H %s", $"refs/heads/{branch}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The views of a catalog branch at its head, by key.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ViewsAsync(string branch)
    {
        var head = await Catalog.GetBranchAsync(branch);
        var views = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var view in Catalog.ListAllViewsAsync(head.Hash))
        {
            views[view.Key.ToString()] = view.Sql;
        }

        return views;
    }

    /// <summary>The events emitted since <paramref name="seen"/> events, parsed.</summary>
    public IReadOnlyList<PullRequestEvent> EventsSince(int seen) =>
        Events.Skip(seen).Select(e => PullRequestEventParser.Parse(e.Json)).ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var lakehouse in _lakehouses)
        {
            await lakehouse.DisposeAsync();
        }

        Catalog.Dispose();
        await Fake.DisposeAsync();
        Git.Dispose();
    }
}
