using System.Text.Json;
using LakehouseManager.Http;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>A content id the server generated for a key created by a commit.</summary>
internal sealed record NessieAddedContent(ContentKey Key, string ContentId);

/// <summary>
/// <c>POST trees/{branch}/history/commit</c>'s answer (CommitResponse, api-facts A.5): the branch at its new head and
/// the content ids of the keys the commit created.
/// </summary>
internal sealed record NessieCommitResponse(NessieReference TargetBranch, IReadOnlyList<NessieAddedContent> AddedContents)
{
    public static NessieCommitResponse Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "the commit answer");
        var target = JsonFields.GetObject(json, "targetBranch") ?? throw new FormatException("the field 'targetBranch' is missing");
        return new NessieCommitResponse(
            NessieReference.Parse(target),
            [.. NessieJson.GetArray(json, "addedContents").Select(a =>
                new NessieAddedContent(NessieJson.RequireKey(a, "key"), JsonFields.RequireString(a, "contentId")))]);
    }
}
