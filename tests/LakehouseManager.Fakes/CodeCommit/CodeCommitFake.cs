using System.Text.Json;
using LakehouseManager.Fakes.Aws;
using Microsoft.AspNetCore.Builder;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>
/// A loopback CodeCommit (Kestrel on 127.0.0.1) that speaks AWS JSON 1.1 (api-facts C.1, C.2) for the pull-request
/// operations: repositories backed by real bare git repositories, pull requests with their targets and merge metadata,
/// comments and replies with idempotency tokens, pull-request events, merges done with git, and the EventBridge events
/// CodeCommit sends (api-facts C.3). Errors are <c>{"__type","message"}</c> with the model's exception names.
/// </summary>
/// <remarks>
/// moto has no CodeCommit pull requests, so this fake is ours. Calls are handled one at a time. The AWS CLI and
/// botocore's model check that it speaks the real protocol (tests/LakehouseManager.Tests/Aws/CodeCommit).
/// Runnable standalone: <c>dotnet run --project tests/LakehouseManager.Fakes -- codecommit --port 5000</c>.
/// </remarks>
public sealed partial class CodeCommitFake : IAsyncDisposable
{
    /// <summary>The <c>X-Amz-Target</c> prefix of CodeCommit's operations.</summary>
    public const string TargetPrefix = "CodeCommit_20150413";

    private readonly WebApplication _app;
    private readonly CodeCommitFakeOptions _options;
    private readonly string _root;
    private readonly bool _ownsRoot;
    private readonly SigV4Verifier? _verifier;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Func<FakeCall, Task<Action<Utf8JsonWriter>>>> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeCommitFakeRepository> _repositories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePullRequest> _pullRequests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeComment> _comments = new(StringComparer.Ordinal);
    private readonly List<FakeComment> _commentsInOrder = [];
    private readonly List<FakePullRequestEvent> _pullRequestEvents = [];
    private readonly List<CodeCommitFakeEvent> _events = [];
    private readonly List<CodeCommitFakeExchange> _exchanges = [];
    private readonly Queue<(string Code, int Status, bool AfterHandling)> _injections = new();
    private int _nextPullRequestId;

    private CodeCommitFake(WebApplication app, CodeCommitFakeOptions options)
    {
        _app = app;
        _options = options;
        _ownsRoot = options.RootDirectory is null;
        _nextPullRequestId = options.FirstPullRequestId;
        _root = options.RootDirectory ?? Path.Combine(Path.GetTempPath(), $"codecommit-fake-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_root);
        if (options.Identities.Count > 0)
        {
            var byKey = options.Identities.ToDictionary(i => i.AccessKeyId, StringComparer.Ordinal);
            _verifier = new SigV4Verifier(
                key => byKey.GetValueOrDefault(key), options.Region, "codecommit", options.TimeProvider);
        }

        MapPullRequestOperations();
        MapCommentOperations();
        MapMergeOperations();
    }

    /// <summary>The fake's root, e.g. <c>http://127.0.0.1:41234/</c>: what <c>--aws-endpoint-url</c> points at.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string Region => _options.Region;

    public string AccountId => _options.AccountId;

    /// <summary>Every call answered, in order (the responses the protocol tests validate).</summary>
    public IReadOnlyList<CodeCommitFakeExchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return [.. _exchanges];
            }
        }
    }

    /// <summary>Every EventBridge event emitted, in order.</summary>
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

    /// <summary>Starts a fake on a free loopback port (or <paramref name="port"/>).</summary>
    public static async Task<CodeCommitFake> StartAsync(
        CodeCommitFakeOptions? options = null, int port = 0, CancellationToken cancellationToken = default)
    {
        var (fake, address) = await LoopbackHost.StartAsync(
            port,
            app => new CodeCommitFake(app, options ?? new CodeCommitFakeOptions()),
            f => f.HandleAsync,
            cancellationToken).ConfigureAwait(false);
        fake.BaseAddress = address;
        return fake;
    }

    /// <summary>
    /// Creates a repository: an empty bare git repository whose default branch is <paramref name="defaultBranch"/>.
    /// Push to <see cref="CodeCommitFakeRepository.Path"/> with git.
    /// </summary>
    public async Task<CodeCommitFakeRepository> CreateRepositoryAsync(
        string name, string defaultBranch = "main", string? description = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_repositories.ContainsKey(name))
            {
                throw new InvalidOperationException($"The repository '{name}' exists already.");
            }

            var path = Path.Combine(_root, name + ".git");
            await CodeCommitFakeGit.InitBareAsync(path, defaultBranch, cancellationToken).ConfigureAwait(false);
            var repository = new CodeCommitFakeRepository(
                name, Guid.NewGuid().ToString("D"), path, $"arn:aws:codecommit:{Region}:{AccountId}:{name}", defaultBranch, Now)
            {
                Description = description,
            };
            _repositories[name] = repository;
            return repository;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Notices branch moves now (the fake also does on every call): an open pull request whose source branch moved gets
    /// a <c>PULL_REQUEST_SOURCE_REFERENCE_UPDATED</c> event and emits <c>pullRequestSourceBranchUpdated</c>.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var events = new List<CodeCommitFakeEvent>();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RefreshPullRequestsAsync(events, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        await DeliverAsync(events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a comment's content, as the console's "Delete" does (DeleteCommentContent).</summary>
    public async Task DeleteCommentAsync(string commentId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var comment = _comments[commentId];
            comment.Deleted = true;
            comment.Content = "";
            comment.LastModifiedDate = Now;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> calls fail with <paramref name="errorCode"/> before they are handled, as
    /// AWS's throttling (<c>ThrottlingException</c>, HTTP 400) or an outage (<c>ServiceUnavailableException</c>, 503) do.
    /// </summary>
    public void FailNextCalls(int count, string errorCode = "ThrottlingException", int status = 400) =>
        Inject(count, errorCode, status, afterHandling: false);

    /// <summary>
    /// The next <paramref name="count"/> calls are handled (a comment is posted, a merge is done) but answered with
    /// <paramref name="errorCode"/>: what a client sees when the answer is lost after the work was done.
    /// </summary>
    public void FailNextCallsAfterHandling(int count, string errorCode = "InternalFailure", int status = 500) =>
        Inject(count, errorCode, status, afterHandling: true);

    private void Inject(int count, string errorCode, int status, bool afterHandling)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_injections)
        {
            for (var i = 0; i < count; i++)
            {
                _injections.Enqueue((errorCode, status, afterHandling));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
        if (_ownsRoot)
        {
            DeleteDirectory(_root);
        }
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    private static void DeleteDirectory(string path)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>One call being handled: its input, its caller and the events it emits.</summary>
    private sealed record FakeCall(JsonElement Input, string CallerArn, List<CodeCommitFakeEvent> Events, CancellationToken CancellationToken);
}
