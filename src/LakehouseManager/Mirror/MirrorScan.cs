using LakehouseManager.Naming;

namespace LakehouseManager.Mirror;

/// <summary>A view file found in the mirror folder: its path (relative to the mirror folder, <c>/</c>-separated)
/// and the key it decodes to.</summary>
public sealed record MirrorEntry(string RelativePath, ContentKey Key);

/// <summary>A file in the mirror folder that is not a view file of the layout (a bad name, a symbolic link).</summary>
public sealed record MirrorProblem(string RelativePath, string Reason);

/// <summary>
/// What the mirror folder holds: the view files (sorted by path) and the <c>.sql</c> files or links that are not
/// valid mirror files. Decoding needs no context, so two files can decode to the same key (<c>Orders.sql</c> and
/// <c>Orders%~1.sql</c>); comparing the paths with <see cref="MirrorLayout.Assign"/> finds such misplaced files.
/// </summary>
public sealed record MirrorScan(IReadOnlyList<MirrorEntry> Views, IReadOnlyList<MirrorProblem> Problems);
