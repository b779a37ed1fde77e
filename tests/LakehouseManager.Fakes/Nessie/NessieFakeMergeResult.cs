using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>One key a merge touched (MergeResponse.ContentKeyDetails): its merge behavior and its conflict, if any.</summary>
public sealed record NessieFakeMergeDetail(ContentKey Key, NessieFakeConflict? Conflict);

/// <summary>What a merge came to, with the fields of Nessie's MergeResponse.</summary>
public sealed record NessieFakeMergeResult(
    bool WasApplied,
    bool WasSuccessful,
    string? ResultantTargetHash,
    string CommonAncestor,
    string TargetBranch,
    string EffectiveTargetHash,
    string ExpectedHash,
    IReadOnlyList<NessieFakeMergeDetail> Details);
