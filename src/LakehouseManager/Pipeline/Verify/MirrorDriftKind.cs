namespace LakehouseManager.Pipeline.Verify;

/// <summary>How the mirror departs from the catalog for one view or file.</summary>
public enum MirrorDriftKind
{
    /// <summary>A view of the catalog with no file at its path (and none under another name).</summary>
    Missing,

    /// <summary>A <c>.sql</c> file that stands for no view: unknown key, a name the layout does not write, or a second file.</summary>
    Extra,

    /// <summary>The view's file is where it belongs but does not hold the view's SQL text.</summary>
    Different,

    /// <summary>The view's file exists under another name than the layout gives it (e.g. a stale case suffix).</summary>
    Misplaced,
}
