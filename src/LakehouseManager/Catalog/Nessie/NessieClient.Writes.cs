using System.Net;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>Commits and merges: every write names the hash it expects the branch at (api-facts A.3, A.6).</summary>
internal sealed partial class NessieClient
{
    /// <summary>
    /// <c>POST trees/{branch}@{expectedHash}/history/commit</c>. Nessie accepts an expected hash older than the head
    /// when the keys the commit touches did not change since (<c>CommitImpl</c>); otherwise
    /// <see cref="CatalogErrorKind.Conflict"/>. Dremio writes the views; this is for seeding and tests.
    /// </summary>
    public async Task<NessieCommitResponse> CommitAsync(
        string branch,
        string expectedHash,
        NessieCommitMeta meta,
        IReadOnlyList<NessieOperation> operations,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(operations);
        var target = NessieRefSpec.At(branch, expectedHash);
        if (string.IsNullOrWhiteSpace(meta.Message))
        {
            throw new CatalogException(CatalogErrorKind.BadRequest, $"A commit to {target.Describe()} needs a message.");
        }

        var subject = $"the commit to {target.Describe()}";
        using var document = await SendAsync(HttpMethod.Post, $"trees/{target.PathElement}/history/commit",
            writer =>
            {
                writer.WriteStartObject();
                writer.WritePropertyName("commitMeta");
                meta.WriteTo(writer);
                writer.WriteStartArray("operations");
                foreach (var operation in operations)
                {
                    operation.WriteTo(writer);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            },
            RetrySafety.OnlyIfNotProcessed, subject, cancellationToken).ConfigureAwait(false);
        return Read(document, subject, NessieCommitResponse.Parse);
    }

    /// <summary>
    /// <c>POST trees/{target}@{expectedTargetHash}/history/merge</c>: merges <see cref="NessieMergeRequest.FromHash"/>
    /// into <paramref name="targetBranch"/>, all or nothing. With <see cref="NessieMergeRequest.ReturnConflictAsResult"/>
    /// (the default) conflicts come back as data (<c>wasSuccessful:false</c>, per key in <c>details</c>); without it,
    /// as <see cref="CatalogErrorKind.Conflict"/>.
    /// </summary>
    /// <remarks>
    /// A source already in the target's history is a success that applies nothing (current servers answer
    /// <c>wasSuccessful:true, wasApplied:false</c>; older ones 400 "No hashes to merge", which is mapped to the same
    /// answer): see <see cref="NessieMergeResponse"/> for the Nessie source read. Either way
    /// <see cref="NessieMergeResponse.NothingToMerge"/> is set, so a re-run after a merge is a no-op success.
    /// </remarks>
    public async Task<NessieMergeResponse> MergeAsync(
        string targetBranch,
        string expectedTargetHash,
        NessieMergeRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = NessieRefSpec.At(targetBranch, expectedTargetHash);
        var source = NessieRefSpec.At(request.FromRefName, request.FromHash);
        var subject = $"the {(request.DryRun ? "dry-run " : "")}merge of {source.Describe()} into {target.Describe()}";
        var (status, reason, text) = await SendRawAsync(HttpMethod.Post, $"trees/{target.PathElement}/history/merge",
            request.WriteTo, RetrySafety.OnlyIfNotProcessed, subject, cancellationToken).ConfigureAwait(false);

        if (status == HttpStatusCode.BadRequest &&
            NessieError.TryParse(text)?.Message?.StartsWith("No hashes to merge", StringComparison.Ordinal) == true)
        {
            return new NessieMergeResponse(
                WasApplied: false, WasSuccessful: true, ResultantTargetHash: null, CommonAncestor: request.FromHash,
                TargetBranch: targetBranch, EffectiveTargetHash: null, ExpectedHash: expectedTargetHash, Details: [])
            {
                NothingToMerge = true,
            };
        }

        if ((int)status is < 200 or > 299)
        {
            throw NessieErrors.FromResponse(status, reason, text, Endpoint.Description, subject, _token);
        }

        using var document = ParseBody(text, subject);
        var response = Read(document, subject, NessieMergeResponse.Parse);
        // MergeSquashImpl's shortcut for an already-merged source is the only answer that is successful, not applied
        // and still names a resultant hash on a dry run; a real merge that applies nothing is a no-op too.
        return response with
        {
            NothingToMerge = response.WasSuccessful && !response.WasApplied && response.ResultantTargetHash is not null,
        };
    }
}
