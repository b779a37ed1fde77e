namespace LakehouseManager.Pipeline.Sync;

/// <summary>Where the mirror branch stands after a sync, relative to its remote.</summary>
public enum PushState
{
    /// <summary>The sync's commits were pushed.</summary>
    Pushed,

    /// <summary>The remote already had everything: nothing to push.</summary>
    UpToDate,

    /// <summary>The checkout has no such remote: the sync is local only.</summary>
    NoRemote,
}

/// <summary>The result of CommitMirror: the delta applied, the commit made (null when nothing changed), the push.</summary>
public sealed record SyncOutcome(CatalogDelta Delta, string? Commit, PushState Push, int PushAttempts)
{
    /// <summary>What the sync read from the catalog port, when it was counted (the pipeline counts every sync).</summary>
    public CatalogReads? CatalogReads { get; init; }
}

/// <summary>How much a sync read from the catalog: calls, and the views and changes they returned.</summary>
public sealed record CatalogReads(int Calls, int ViewsRead, int ChangesRead);
