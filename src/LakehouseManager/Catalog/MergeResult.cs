using LakehouseManager.Naming;

namespace LakehouseManager.Catalog;

/// <summary>One key that cannot be merged, and why (Nessie's conflict types: KEY_EXISTS, VALUE_DIFFERS ...).</summary>
public sealed record MergeConflict(ContentKey Key, string ConflictType, string Message);

/// <summary>
/// The outcome of a merge or a dry-run merge. A merge is all or nothing: when <see cref="Conflicts"/> is not empty,
/// nothing was applied. <see cref="ResultHash"/> is the target's head after an applied merge.
/// </summary>
public sealed record MergeResult(
    bool WasSuccessful,
    bool WasApplied,
    string? ResultHash,
    string? CommonAncestorHash,
    IReadOnlyList<MergeConflict> Conflicts);
