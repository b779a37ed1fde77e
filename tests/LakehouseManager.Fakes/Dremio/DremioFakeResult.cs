namespace LakehouseManager.Fakes.Dremio;

/// <summary>
/// The rows a scripted query returns. Rows are produced on demand by index, so a generated result of a million rows
/// costs no memory: only the requested page is ever materialised.
/// </summary>
public sealed class DremioFakeResult
{
    private readonly Func<long, IReadOnlyList<object?>> _rowAt;

    private DremioFakeResult(IReadOnlyList<DremioFakeColumn> columns, long rowCount, Func<long, IReadOnlyList<object?>> rowAt)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Columns = columns;
        RowCount = rowCount;
        _rowAt = rowAt;
    }

    public IReadOnlyList<DremioFakeColumn> Columns { get; }

    public long RowCount { get; }

    /// <summary>No rows (the result of a test query that finds no offending rows).</summary>
    public static DremioFakeResult Empty(params DremioFakeColumn[] columns) => FromRows(columns);

    /// <summary>A fixed list of rows; cells are null, bool, integers, floating point, decimal or string.</summary>
    public static DremioFakeResult FromRows(IReadOnlyList<DremioFakeColumn> columns, params IReadOnlyList<object?>[] rows)
    {
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells but there are {columns.Count} columns.", nameof(rows));
            }
        }

        return new DremioFakeResult(columns, rows.Length, index => rows[index]);
    }

    /// <summary>One row with one column.</summary>
    public static DremioFakeResult Scalar(string column, string type, object? value) =>
        FromRows([new DremioFakeColumn(column, type)], [value]);

    /// <summary><paramref name="rowCount"/> rows made by <paramref name="rowAt"/> when a page asks for them.</summary>
    public static DremioFakeResult Generate(
        IReadOnlyList<DremioFakeColumn> columns, long rowCount, Func<long, IReadOnlyList<object?>> rowAt)
    {
        ArgumentNullException.ThrowIfNull(rowAt);
        return new DremioFakeResult(columns, rowCount, rowAt);
    }

    /// <summary>The row at a zero-based index.</summary>
    public IReadOnlyList<object?> RowAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RowCount);
        return _rowAt(index);
    }
}
