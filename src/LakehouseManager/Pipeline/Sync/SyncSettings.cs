namespace LakehouseManager.Pipeline.Sync;

/// <summary>How to sync one branch: the catalog branch and the git branch have the same name.</summary>
/// <param name="Branch">The branch to mirror (<c>--to-ref</c>).</param>
public sealed record SyncSettings(string Branch)
{
    /// <summary>The branch a new git branch starts from when it exists only in the catalog (<c>--from-ref</c>).</summary>
    public string FromRef { get; init; } = "main";

    /// <summary>The git remote to fetch from and push to; a checkout without it syncs locally only.</summary>
    public string Remote { get; init; } = "origin";

    /// <summary>What to do with a mirror file a human changed in git (<c>--on-git-edit</c>).</summary>
    public OnGitEdit OnGitEdit { get; init; } = OnGitEdit.Keep;

    /// <summary>How many times a push rejected because the remote moved is retried on top of the remote.</summary>
    public int MaxPushAttempts { get; init; } = 5;

    /// <summary>How long to wait for another sync of the same checkout to finish.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The page size of catalog listings and diffs, and the batch size of view reads.</summary>
    public int CatalogPageSize { get; init; } = 500;
}
