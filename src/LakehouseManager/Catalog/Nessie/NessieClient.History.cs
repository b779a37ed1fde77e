using System.Runtime.CompilerServices;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>The commit log (api-facts A.2). The tool itself never reads the whole log; tests and the fake's users do.</summary>
internal sealed partial class NessieClient
{
    /// <summary><c>GET trees/{ref}/history</c>, every page, newest first.</summary>
    public async IAsyncEnumerable<NessieLogEntry> GetHistoryAsync(
        NessieRefSpec at,
        NessieHistoryQuery? query = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await GetHistoryPageAsync(at, query, token, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Items)
            {
                yield return entry;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    /// <summary>One page of the commit log.</summary>
    public async Task<NessiePage<NessieLogEntry>> GetHistoryPageAsync(
        NessieRefSpec at, NessieHistoryQuery? query, string? pageToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(at);
        query ??= new NessieHistoryQuery();
        var parameters = new NessieQuery()
            .Add("max-records", query.MaxRecords)
            .Add("page-token", pageToken)
            .Add("fetch", query.FetchAll ? "ALL" : null)
            .Add("limit-hash", query.LimitHash is null ? null : NessieRefSpec.RequireHash(query.LimitHash, "limit hash"))
            .Add("filter", query.Filter);
        var subject = $"the history of {at.Describe()}";
        using var document = await SendAsync(HttpMethod.Get, $"trees/{at.PathElement}/history{parameters}", null,
            RetrySafety.SafeToRepeat, subject, cancellationToken).ConfigureAwait(false);
        return Read(document, subject, json => NessiePage<NessieLogEntry>.Parse(json, "logEntries", NessieLogEntry.Parse, null));
    }
}
