using System.Text.Json;
using LakehouseManager.Http;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>One key the merge touched, with its conflict when it has one (MergeResponse.ContentKeyDetails).</summary>
internal sealed record NessieMergeKeyDetails(ContentKey Key, string MergeBehavior, NessieConflict? Conflict)
{
    public static NessieMergeKeyDetails Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "a merge detail");
        return new NessieMergeKeyDetails(
            NessieJson.RequireKey(json, "key"),
            JsonFields.GetString(json, "mergeBehavior") ?? "NORMAL",
            JsonFields.GetObject(json, "conflict") is { } conflict ? NessieConflict.Parse(conflict) : null);
    }
}

/// <summary>
/// The answer to a merge or a dry-run merge (<c>MergeResponse.java</c>, api-facts A.5). A merge is all or nothing:
/// with conflicts (<c>wasSuccessful:false</c>) nothing was applied.
/// </summary>
/// <remarks>
/// <para>
/// What Nessie answers when <c>fromHash</c> is already in the target's history (an already-merged branch), read in
/// projectnessie/nessie <c>versioned/storage/store/.../versionstore/MergeSquashImpl.java</c> (<c>merge</c>): when the
/// merge base of the target's head and <c>fromHash</c> is <c>fromHash</c> itself, it returns at once
/// <c>wasSuccessful:true, wasApplied:false, resultantTargetHash:&lt;target head&gt;</c>, the same for a dry run and a
/// real merge, and writes no commit. A source whose changes are already on the target by other commits (an empty
/// squash, <c>BaseMergeTransplantSquash.squash</c> then <c>BaseCommitHelper.finishMergeTransplant(isEmpty=true)</c>)
/// also succeeds without a commit: <c>wasApplied:false</c> and, for a real merge, <c>resultantTargetHash</c> = head.
/// </para>
/// <para>
/// Older servers answered differently: the database-adapter storage (<c>AbstractDatabaseAdapter.mergeAttempt</c>) and
/// early versioned storage (<c>BaseCommitHelper.loadSourceCommitsPlusParent</c>) threw
/// <c>IllegalArgumentException("No hashes to merge from ...")</c>, i.e. HTTP 400 BAD_REQUEST. The client reports such
/// a 400 as <see cref="NothingToMerge"/> success too (see <see cref="NessieClient.MergeAsync"/>), so a re-run after a
/// successful merge is a no-op on every server.
/// </para>
/// </remarks>
internal sealed record NessieMergeResponse(
    bool WasApplied,
    bool WasSuccessful,
    string? ResultantTargetHash,
    string? CommonAncestor,
    string? TargetBranch,
    string? EffectiveTargetHash,
    string? ExpectedHash,
    IReadOnlyList<NessieMergeKeyDetails> Details)
{
    /// <summary>Set when the server said there was nothing to merge (the source is already in the target).</summary>
    public bool NothingToMerge { get; init; }

    /// <summary>The keys that conflict (empty when the merge succeeded).</summary>
    public IReadOnlyList<NessieMergeKeyDetails> Conflicts => [.. Details.Where(d => d.Conflict is not null)];

    public static NessieMergeResponse Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "the merge answer");
        return new NessieMergeResponse(
            JsonFields.GetBoolean(json, "wasApplied"),
            JsonFields.GetBoolean(json, "wasSuccessful"),
            JsonFields.GetString(json, "resultantTargetHash"),
            JsonFields.GetString(json, "commonAncestor"),
            JsonFields.GetString(json, "targetBranch"),
            JsonFields.GetString(json, "effectiveTargetHash"),
            JsonFields.GetString(json, "expectedHash"),
            [.. NessieJson.GetArray(json, "details").Select(NessieMergeKeyDetails.Parse)]);
    }
}
