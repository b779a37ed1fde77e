namespace LakehouseManager.Mirror;

/// <summary>What a path component stands for.</summary>
internal enum MirrorComponentKind
{
    /// <summary>A chunk of an over-long element that continues in the next component (marked <c>%+</c>).</summary>
    Continuation,

    /// <summary>The last (or only) chunk of a namespace element: a folder.</summary>
    Folder,

    /// <summary>The last (or only) chunk of the view's name: the file (with <c>.sql</c>).</summary>
    File,
}

/// <summary>
/// One path component before the case suffix: its escaped text and its kind. The name on disk is
/// <c>text [%+] [%~mask] [.sql]</c>.
/// </summary>
internal readonly record struct MirrorComponent(string Text, MirrorComponentKind Kind)
{
    public const string ContinuationMarker = "%+";
    public const string CaseMarker = "%~";

    /// <summary>The name on disk, with the case suffix when <paramref name="caseMask"/> is given.</summary>
    public string ToName(string? caseMask = null)
    {
        var continuation = Kind == MirrorComponentKind.Continuation ? ContinuationMarker : string.Empty;
        var suffix = caseMask is null ? string.Empty : CaseMarker + caseMask;
        var extension = Kind == MirrorComponentKind.File ? MirrorLayout.Extension : string.Empty;
        return Text + continuation + suffix + extension;
    }
}
