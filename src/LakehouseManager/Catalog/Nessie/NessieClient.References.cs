using System.Runtime.CompilerServices;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>References: get, list (CEL filter, paged), create, delete (api-facts A.2, A.3).</summary>
internal sealed partial class NessieClient
{
    /// <summary><c>GET trees/{name}</c>: a branch or tag at its head; <see cref="CatalogErrorKind.NotFound"/> when absent.</summary>
    public async Task<NessieReference> GetReferenceAsync(string name, CancellationToken cancellationToken = default)
    {
        var reference = NessieRefSpec.Head(name);
        var subject = $"reference {reference.Describe()}";
        using var document = await SendAsync(HttpMethod.Get, $"trees/{reference.PathElement}", null,
            RetrySafety.SafeToRepeat, subject, cancellationToken).ConfigureAwait(false);
        return Read(document, subject, NessieReference.ParseSingle);
    }

    /// <summary>
    /// <c>GET trees</c>, every page: all references, or those a CEL <paramref name="filter"/> keeps (e.g.
    /// <c>refType == 'BRANCH'</c>). <paramref name="fetchAll"/> adds the commit counts against the default branch.
    /// </summary>
    public async IAsyncEnumerable<NessieReference> ListReferencesAsync(
        string? filter = null,
        int? maxRecords = null,
        bool fetchAll = false,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await ListReferencesPageAsync(filter, token, maxRecords, fetchAll, cancellationToken).ConfigureAwait(false);
            foreach (var reference in page.Items)
            {
                yield return reference;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    /// <summary>One page of <c>GET trees</c>.</summary>
    public async Task<NessiePage<NessieReference>> ListReferencesPageAsync(
        string? filter, string? pageToken, int? maxRecords, bool fetchAll = false, CancellationToken cancellationToken = default)
    {
        var query = new NessieQuery()
            .Add("max-records", maxRecords)
            .Add("page-token", pageToken)
            .Add("fetch", fetchAll ? "ALL" : null)
            .Add("filter", filter);
        using var document = await SendAsync(HttpMethod.Get, $"trees{query}", null, RetrySafety.SafeToRepeat,
            "the list of references", cancellationToken).ConfigureAwait(false);
        return Read(document, "the list of references",
            json => NessiePage<NessieReference>.Parse(json, "references", NessieReference.Parse, null));
    }

    /// <summary>
    /// <c>POST trees?name=&amp;type=</c>: creates a branch or tag at <paramref name="sourceHash"/> of
    /// <paramref name="sourceName"/> (the hash is mandatory since spec 2.1.2), or at the commit alone when
    /// <paramref name="sourceName"/> is null (a detached source reference). <see cref="CatalogErrorKind.AlreadyExists"/>
    /// when the name is taken.
    /// </summary>
    public async Task<NessieReference> CreateReferenceAsync(
        string name,
        NessieReferenceType type,
        string? sourceName,
        string sourceHash,
        CancellationToken cancellationToken = default)
    {
        NessieRefSpec.RequireName(name, type == NessieReferenceType.Tag ? "tag" : "branch");
        var source = sourceName is null ? NessieRefSpec.Detached(sourceHash) : NessieRefSpec.At(sourceName, sourceHash);
        if (type == NessieReferenceType.Detached)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Only branches and tags can be created.");
        }

        var subject = $"creating {(type == NessieReferenceType.Tag ? "tag" : "branch")} '{name}' from {source.Describe()}";
        var query = new NessieQuery().Add("name", name).Add("type", type.ToWire());
        var body = new NessieReference(
            source.Name is null ? NessieReferenceType.Detached : NessieReferenceType.Branch, source.Name, source.Hash);
        using var document = await SendAsync(HttpMethod.Post, $"trees{query}", body.WriteTo,
            RetrySafety.OnlyIfNotProcessed, subject, cancellationToken).ConfigureAwait(false);
        return Read(document, subject, NessieReference.ParseSingle);
    }

    /// <summary>
    /// <c>DELETE trees/{name}@{expectedHash}</c>: deletes a branch or tag that is exactly at
    /// <paramref name="expectedHash"/> (<see cref="CatalogErrorKind.Conflict"/> otherwise). Returns the deleted reference.
    /// </summary>
    public async Task<NessieReference> DeleteReferenceAsync(
        string name, string expectedHash, NessieReferenceType? type = null, CancellationToken cancellationToken = default)
    {
        var reference = NessieRefSpec.At(name, expectedHash);
        var subject = $"deleting reference {reference.Describe()}";
        var query = new NessieQuery().Add("type", type?.ToWire());
        using var document = await SendAsync(HttpMethod.Delete, $"trees/{reference.PathElement}{query}", null,
            RetrySafety.OnlyIfNotProcessed, subject, cancellationToken).ConfigureAwait(false);
        return Read(document, subject, NessieReference.ParseSingle);
    }
}
