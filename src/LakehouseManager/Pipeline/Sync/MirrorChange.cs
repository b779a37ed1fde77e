using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>What a sync does to one mirror file.</summary>
public enum MirrorChangeKind
{
    /// <summary>A view the mirror does not have yet: its file is written.</summary>
    Added,

    /// <summary>A view whose SQL differs from its file: the file is rewritten.</summary>
    Changed,

    /// <summary>A file whose view is gone from the catalog: the file is deleted.</summary>
    Removed,

    /// <summary>A view whose file name changes (a case-only collision appeared or went away): the file moves.</summary>
    Moved,
}

/// <summary>
/// One change a sync makes to the mirror. <see cref="Sql"/> is the catalog's SQL text for Added, Changed and Moved;
/// <see cref="PreviousPath"/> is the old file for Moved.
/// </summary>
public sealed record MirrorChange(
    ContentKey Key,
    MirrorChangeKind Kind,
    string Path,
    string? Sql,
    string? PreviousPath = null);
