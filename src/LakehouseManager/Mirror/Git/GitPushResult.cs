namespace LakehouseManager.Mirror.Git;

/// <summary>The expected outcomes of a push; any other failure raises <see cref="GitException"/>.</summary>
public enum GitPushStatus
{
    /// <summary>The remote branch now points at the local one (or already did).</summary>
    Pushed,

    /// <summary>Rejected because the remote branch moved (non-fast-forward, or "fetch first"): fetch, rebase, retry.</summary>
    RemoteMoved,
}

/// <summary>How a push ended, with git's one-line summary for the ref (e.g. <c>[rejected] (fetch first)</c>).</summary>
public sealed record GitPushResult(GitPushStatus Status, string Summary)
{
    public bool IsPushed => Status == GitPushStatus.Pushed;
}
