using System.Collections.Concurrent;
using LakehouseManager.DataTests;
using Microsoft.Extensions.Time.Testing;

namespace LakehouseManager.Tests.DataTests;

/// <summary>
/// A query engine that answers from a table of canned responses keyed by the exact SQL (after {branch} substitution).
/// It records what ran, on which branch, how many queries ran at once, and whether their tokens were cancelled.
/// </summary>
internal sealed class InMemoryQueryEngine : IQueryEngine
{
    private readonly ConcurrentDictionary<string, Func<CancellationToken, Task<IQueryCursor>>> _responses = new();
    private readonly FakeTimeProvider? _clock;
    private int _running;
    private int _maxRunning;

    /// <param name="clock">When given, a response with a duration moves this clock forward while it "runs".</param>
    public InMemoryQueryEngine(FakeTimeProvider? clock = null)
    {
        _clock = clock;
    }

    public string Description { get; init; } = "in-memory engine";

    /// <summary>Runs before every query; tests use it to hold queries at a gate.</summary>
    public Func<string, CancellationToken, Task>? BeforeQuery { get; init; }

    public ConcurrentQueue<(string Sql, string Branch)> Executed { get; } = new();

    public ConcurrentQueue<string> Cancelled { get; } = new();

    public int Running => Volatile.Read(ref _running);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public InMemoryQueryEngine Returns(string sql, IReadOnlyList<string> columns, params object?[][] rows) =>
        Returns(sql, TimeSpan.Zero, columns, rows);

    public InMemoryQueryEngine Returns(string sql, TimeSpan takes, IReadOnlyList<string> columns, params object?[][] rows)
    {
        _responses[sql] = _ =>
        {
            _clock?.Advance(takes);
            return Task.FromResult<IQueryCursor>(FakeCursor.Of(columns, rows));
        };
        return this;
    }

    public InMemoryQueryEngine Returns(string sql, Func<IQueryCursor> cursor)
    {
        _responses[sql] = _ => Task.FromResult(cursor());
        return this;
    }

    public InMemoryQueryEngine Fails(string sql, string message, TimeSpan takes = default)
    {
        _responses[sql] = _ =>
        {
            _clock?.Advance(takes);
            throw new QueryFailedException(message);
        };
        return this;
    }

    public InMemoryQueryEngine Throws(string sql, Exception exception)
    {
        _responses[sql] = _ => throw exception;
        return this;
    }

    /// <summary>A query that never finishes until its token is cancelled, as a stuck remote job.</summary>
    public InMemoryQueryEngine Hangs(string sql, TaskCompletionSource? started = null)
    {
        _responses[sql] = async token =>
        {
            started?.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        };
        return this;
    }

    /// <summary>The version each query ran at, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<QueryVersion> Versions { get; } = new();

    public async Task<IQueryCursor> ExecuteAsync(string sql, QueryVersion version, CancellationToken cancellationToken = default)
    {
        Executed.Enqueue((sql, version.Branch));
        Versions.Enqueue(version);
        var running = Interlocked.Increment(ref _running);
        UpdateMax(running);
        try
        {
            if (BeforeQuery is not null)
            {
                await BeforeQuery(sql, cancellationToken);
            }

            if (!_responses.TryGetValue(sql, out var response))
            {
                throw new QueryFailedException($"Table not found in query: {sql}");
            }

            return await response(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Cancelled.Enqueue(sql);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private void UpdateMax(int running)
    {
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) &&
               Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }
    }
}
