namespace LakehouseManager.Catalog;

/// <summary>
/// The embedded catalog's own merge outcome (<see cref="Local.LocalCatalog.MergeAsync(string, string, string, string, bool, string?, CancellationToken)"/>),
/// mapped onto <see cref="CatalogMergeResult"/> at the port. A merge is all or nothing: when <see cref="Conflicts"/> is
/// not empty, nothing was applied. <see cref="ResultHash"/> is the target's head after the call;
/// <see cref="AlreadyMerged"/> says the source commit was already in the target's history.
/// </summary>
public sealed record MergeResult(
    bool WasSuccessful,
    bool WasApplied,
    string? ResultHash,
    string? CommonAncestorHash,
    IReadOnlyList<MergeConflict> Conflicts,
    bool AlreadyMerged = false);
