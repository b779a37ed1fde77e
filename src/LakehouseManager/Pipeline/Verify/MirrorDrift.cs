using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Verify;

/// <summary>
/// One difference between the catalog and its mirror. Paths are relative to the mirror folder, <c>/</c>-separated.
/// </summary>
/// <param name="Kind">What kind of drift.</param>
/// <param name="Key">The view concerned; null for an extra file that names no valid key.</param>
/// <param name="Path">The file found in the mirror; null for a missing view.</param>
/// <param name="ExpectedPath">
/// Where the layout puts the view's file; for an extra file, set only when it is a second file of a view.
/// </param>
/// <param name="Detail">What is wrong, in words (one line).</param>
/// <param name="Difference">The first differing line, when the file's text differs from the view's SQL.</param>
public sealed record MirrorDrift(
    MirrorDriftKind Kind,
    ContentKey? Key,
    string? Path,
    string? ExpectedPath,
    string Detail,
    TextDifference? Difference = null);
