namespace LakehouseManager.Catalog.Local;

/// <summary>
/// A commit of the local catalog: its hash, its parents' hashes (none for the initial commit, two for a merge
/// commit: the target's head first, then the merged hash), message, author and time.
/// </summary>
public sealed record LocalCommit(
    string Hash,
    IReadOnlyList<string> ParentHashes,
    string Message,
    string Author,
    DateTimeOffset Timestamp);
