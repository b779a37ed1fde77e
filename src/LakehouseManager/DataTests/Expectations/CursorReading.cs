namespace LakehouseManager.DataTests.Expectations;

/// <summary>Small helpers to read a cursor without holding more than the expectation needs.</summary>
internal static class CursorReading
{
    /// <summary>The first row, or null; leaving the loop disposes the enumerator so no further page is fetched.</summary>
    public static async Task<IReadOnlyList<object?>?> FirstRowAsync(
        IQueryCursor cursor, CancellationToken cancellationToken)
    {
        await foreach (var row in cursor.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            return Copy(row);
        }

        return null;
    }

    /// <summary>The cell, or null when an engine sent a short row.</summary>
    public static object? Cell(IReadOnlyList<object?> row, int index) => index < row.Count ? row[index] : null;

    /// <summary>A copy, because an engine may reuse its row buffers from page to page.</summary>
    public static IReadOnlyList<object?> Copy(IReadOnlyList<object?> row) => [.. row];
}
