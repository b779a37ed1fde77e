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
public sealed record SyncOutcome(CatalogDelta Delta, string? Commit, PushState Push, int PushAttempts);
