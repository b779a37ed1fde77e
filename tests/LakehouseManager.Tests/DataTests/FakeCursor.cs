using System.Runtime.CompilerServices;
using LakehouseManager.DataTests;

namespace LakehouseManager.Tests.DataTests;

/// <summary>
/// A cursor over generated rows, read in pages like a real engine's, that counts what was actually pulled: a
/// million-row result costs nothing unless a reader really walks it.
/// </summary>
internal sealed class FakeCursor : IQueryCursor
{
    private const int PageSize = 500;
    private readonly Func<long, IReadOnlyList<object?>> _rowAt;
    private readonly long _rowCount;
    private long _rowsRead;

    public FakeCursor(IReadOnlyList<string> columns, long rowCount, Func<long, IReadOnlyList<object?>> rowAt,
        bool knowsTotal = false)
    {
        Columns = columns;
        _rowCount = rowCount;
        _rowAt = rowAt;
        TotalRows = knowsTotal ? rowCount : null;
    }

    public static FakeCursor Of(IReadOnlyList<string> columns, params object?[][] rows) =>
        new(columns, rows.Length, i => rows[i]);

    public IReadOnlyList<string> Columns { get; }

    public long? TotalRows { get; }

    /// <summary>Rows handed to the reader so far.</summary>
    public long RowsRead => Interlocked.Read(ref _rowsRead);

    public bool Disposed { get; private set; }

    public async IAsyncEnumerable<IReadOnlyList<object?>> ReadRowsAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (long i = 0; i < _rowCount; i++)
        {
            if (i % PageSize == 0)
            {
                // A page boundary: a real engine makes a request here.
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
            }

            Interlocked.Increment(ref _rowsRead);
            yield return _rowAt(i);
        }
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
