using System.Net;
using System.Runtime.CompilerServices;
using LakehouseManager.Http;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>Entries (paged) and contents, single and bulk (api-facts A.2).</summary>
internal sealed partial class NessieClient
{
    /// <summary>
    /// <c>GET trees/{ref}/entries</c>, every page: the keys at a reference or commit, of every content type, with
    /// their content ids (and content when asked).
    /// </summary>
    public async IAsyncEnumerable<NessieEntry> GetEntriesAsync(
        NessieRefSpec at,
        NessieEntriesQuery? query = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await GetEntriesPageAsync(at, query, token, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Items)
            {
                yield return entry;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    /// <summary>One page of <c>GET trees/{ref}/entries</c>; pass the previous page's token to get the next.</summary>
    public async Task<NessiePage<NessieEntry>> GetEntriesPageAsync(
        NessieRefSpec at, NessieEntriesQuery? query, string? pageToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(at);
        query ??= new NessieEntriesQuery();
        var parameters = new NessieQuery()
            .Add("max-records", query.MaxRecords)
            .Add("page-token", pageToken)
            .Add("content", query.WithContent)
            .Add("filter", query.Filter);
        await AddKeysAsync(parameters, query.Keys, query.PrefixKey, cancellationToken).ConfigureAwait(false);
        var subject = $"the entries of {at.Describe()}";
        using var document = await SendAsync(HttpMethod.Get, $"trees/{at.PathElement}/entries{parameters}", null,
            RetrySafety.SafeToRepeat, subject, cancellationToken).ConfigureAwait(false);
        return Read(document, subject, json => NessiePage<NessieEntry>.Parse(json, "entries", NessieEntry.Parse, "effectiveReference"));
    }

    /// <summary>
    /// <c>GET trees/{ref}/contents/{key}</c>: one content object, or null when the key does not exist there (a missing
    /// reference or commit is still an error).
    /// </summary>
    public async Task<NessieContent?> GetContentAsync(NessieRefSpec at, ContentKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(key);
        var encoding = await GetKeyEncodingAsync(cancellationToken).ConfigureAwait(false);
        var subject = $"key {key} at {at.Describe()}";
        var path = $"trees/{at.PathElement}/contents/{Uri.EscapeDataString(NessieKeyCodec.Encode(key, encoding))}";
        var (status, reason, text) = await SendRawAsync(HttpMethod.Get, path, null, RetrySafety.SafeToRepeat, subject,
            cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.NotFound && NessieError.TryParse(text)?.ErrorCode == "CONTENT_NOT_FOUND")
        {
            return null;
        }

        if ((int)status is < 200 or > 299)
        {
            throw NessieErrors.FromResponse(status, reason, text, Endpoint.Description, subject, _token);
        }

        using var document = ParseBody(text, subject);
        return Read(document, subject, json =>
            NessieContent.Parse(JsonFields.GetObject(json, "content") ?? throw new FormatException("the field 'content' is missing")));
    }

    /// <summary>
    /// <c>POST trees/{ref}/contents</c> with <c>{"requestedKeys":[...]}</c>: the contents of the keys that exist at the
    /// reference or commit; absent keys are simply left out (api-facts A.2).
    /// </summary>
    public async Task<IReadOnlyDictionary<ContentKey, NessieContent>> GetContentsAsync(
        NessieRefSpec at, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<ContentKey, NessieContent>();
        if (keys.Count == 0)
        {
            return result;
        }

        var subject = $"the contents of {keys.Count} key(s) at {at.Describe()}";
        using var document = await SendAsync(HttpMethod.Post, $"trees/{at.PathElement}/contents",
            writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("requestedKeys");
                foreach (var key in keys)
                {
                    NessieJson.WriteKey(writer, key);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            },
            // A read, although a POST: repeating it changes nothing.
            RetrySafety.SafeToRepeat, subject, cancellationToken).ConfigureAwait(false);
        return Read(document, subject, json =>
        {
            foreach (var item in NessieJson.GetArray(json, "contents"))
            {
                var content = JsonFields.GetObject(item, "content") ?? throw new FormatException("a content entry has no 'content'");
                result[NessieJson.RequireKey(item, "key")] = NessieContent.Parse(content);
            }

            return (IReadOnlyDictionary<ContentKey, NessieContent>)result;
        });
    }

    /// <summary>Adds <c>key</c> and <c>prefix-key</c> parameters in the server's key encoding.</summary>
    private async Task AddKeysAsync(
        NessieQuery parameters, IReadOnlyList<ContentKey>? keys, ContentKey? prefixKey, CancellationToken cancellationToken)
    {
        if (keys is not { Count: > 0 } && prefixKey is null)
        {
            return;
        }

        var encoding = await GetKeyEncodingAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys ?? [])
        {
            parameters.Add("key", NessieKeyCodec.Encode(key, encoding));
        }

        if (prefixKey is not null)
        {
            parameters.Add("prefix-key", NessieKeyCodec.Encode(prefixKey, encoding));
        }
    }
}
