namespace LakehouseManager.Pipeline.Merge;

/// <summary>How a MergeCatalog run ended.</summary>
public enum MergeCatalogOutcome
{
    /// <summary>The reviewed catalog state was merged into the target branch by this run.</summary>
    Merged,

    /// <summary>The reviewed catalog state was in the target branch already (a re-run): nothing was done.</summary>
    AlreadyMerged,

    /// <summary>The dry run found conflicts: nothing was merged, and the conflicts were reported (the target fails).</summary>
    Conflicts,
}
