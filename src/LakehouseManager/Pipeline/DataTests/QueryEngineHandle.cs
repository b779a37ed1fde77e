using LakehouseManager.DataTests;

namespace LakehouseManager.Pipeline.DataTests;

/// <summary>
/// An engine made by <see cref="QueryEngineFactory"/> together with what it holds open (the local catalog file, the
/// Dremio HTTP client): use it as the engine, dispose it when the run is over.
/// </summary>
public sealed class QueryEngineHandle : IQueryEngine, IAsyncDisposable, IDisposable
{
    private readonly IDisposable? _owned;

    internal QueryEngineHandle(IQueryEngine engine, QueryEngineKind kind, IDisposable? owned)
    {
        Engine = engine;
        Kind = kind;
        _owned = owned;
    }

    /// <summary>The engine itself.</summary>
    public IQueryEngine Engine { get; }

    public QueryEngineKind Kind { get; }

    public string Description => Engine.Description;

    public Task<IQueryCursor> ExecuteAsync(string sql, string branch, CancellationToken cancellationToken = default) =>
        Engine.ExecuteAsync(sql, branch, cancellationToken);

    public void Dispose() => _owned?.Dispose();

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Description;
}
