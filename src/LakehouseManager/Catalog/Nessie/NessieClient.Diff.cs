using System.Runtime.CompilerServices;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>The diff between two commits, paged with <c>max-records</c> and <c>page-token</c> (api-facts A.2).</summary>
internal sealed partial class NessieClient
{
    /// <summary>
    /// <c>GET trees/{from}/diff/{to}</c>, every page: the keys that differ, of every content type, typed and with
    /// content ids. Pass <c>name@hash</c> pairs (<see cref="NessieRefSpec.At"/>) to diff fixed commits.
    /// </summary>
    public async IAsyncEnumerable<NessieDiffEntry> GetDiffAsync(
        NessieRefSpec from,
        NessieRefSpec to,
        NessieDiffQuery? query = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await GetDiffPageAsync(from, to, query, token, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Items)
            {
                yield return entry;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    /// <summary>One page of the diff; pass the previous page's token to get the next.</summary>
    public async Task<NessiePage<NessieDiffEntry>> GetDiffPageAsync(
        NessieRefSpec from, NessieRefSpec to, NessieDiffQuery? query, string? pageToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        query ??= new NessieDiffQuery();
        var parameters = new NessieQuery()
            .Add("max-records", query.MaxRecords)
            .Add("page-token", pageToken)
            .Add("filter", query.Filter);
        await AddKeysAsync(parameters, query.Keys, query.PrefixKey, cancellationToken).ConfigureAwait(false);
        var subject = $"the diff from {from.Describe()} to {to.Describe()}";
        using var document = await SendAsync(HttpMethod.Get, $"trees/{from.PathElement}/diff/{to.PathElement}{parameters}",
            null, RetrySafety.SafeToRepeat, subject, cancellationToken).ConfigureAwait(false);
        return Read(document, subject, json => NessiePage<NessieDiffEntry>.Parse(json, "diffs", NessieDiffEntry.Parse, null));
    }
}
