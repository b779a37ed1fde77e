using System.Runtime.CompilerServices;
using LakehouseManager.DataTests;

namespace LakehouseManager.Dremio;

/// <summary>
/// The rows of a COMPLETED Dremio job. The first page was fetched with the job (it carries the schema); each further
/// page is fetched only when the reader gets past the previous one.
/// </summary>
internal sealed class DremioQueryCursor : IQueryCursor
{
    private readonly DremioClient _client;
    private readonly string _jobId;
    private readonly DremioJobResults _firstPage;
    private readonly int _pageSize;

    public DremioQueryCursor(DremioClient client, string jobId, DremioJobResults firstPage, long? jobRowCount, int pageSize)
    {
        _client = client;
        _jobId = jobId;
        _firstPage = firstPage;
        _pageSize = pageSize;
        Columns = firstPage.Schema.Select(c => c.Name).ToArray();
        TotalRows = jobRowCount ?? firstPage.RowCount;
    }

    public IReadOnlyList<string> Columns { get; }

    public long? TotalRows { get; }

    public async IAsyncEnumerable<IReadOnlyList<object?>> ReadRowsAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = _firstPage;
        long offset = 0;
        while (true)
        {
            foreach (var row in page.Rows)
            {
                yield return row;
            }

            offset += page.Rows.Count;
            // An empty page ends the rows even when rowCount promised more: for DML Dremio reports the affected rows
            // as rowCount while the result holds one summary row.
            if (page.Rows.Count == 0 || offset >= page.RowCount)
            {
                yield break;
            }

            page = await _client.GetJobResultsAsync(_jobId, offset, _pageSize, cancellationToken).ConfigureAwait(false);
        }
    }

    // Dremio keeps job results on its side until they expire; there is nothing to release.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
