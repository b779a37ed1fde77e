namespace LakehouseManager.Pipeline.Sync;

/// <summary>How to sync one branch: the catalog branch and the git branch have the same name.</summary>
/// <param name="Branch">The branch to mirror (<c>--to-ref</c>).</param>
internal sealed record SyncSettings(string Branch)
{
    /// <summary>The branch a new git branch starts from when it exists only in the catalog (<c>--from-ref</c>).</summary>
    public string FromRef { get; init; } = "main";

    /// <summary>The git remote to fetch from and push to; a checkout without it syncs locally only.</summary>
    public string Remote { get; init; } = "origin";

    /// <summary>What to do with a mirror file a human changed in git (<c>--on-git-edit</c>).</summary>
    public OnGitEdit OnGitEdit { get; init; } = OnGitEdit.Keep;

    /// <summary>
    /// Lets a sync remove more of the mirror than <see cref="MassDelete"/> allows (<c>--allow-mass-delete</c>): for a
    /// catalog branch whose views were really dropped.
    /// </summary>
    public bool AllowMassDelete { get; init; }

    /// <summary>How much of the mirror one sync may remove without <see cref="AllowMassDelete"/>.</summary>
    public MassDeleteLimit MassDelete { get; init; } = MassDeleteLimit.Default;

    /// <summary>
    /// Makes the <c>*.sql</c> files a first sync finds in the mirror folder part of the mirror (<c>--adopt-existing</c>):
    /// those the catalog does not have are then removed. Without it, such files make a first sync refuse.
    /// </summary>
    public bool AdoptExisting { get; init; }

    /// <summary>
    /// Moves the mirror when <c>--mirror-path</c> differs from the folder the last mirror commit recorded
    /// (<c>--move-mirror</c>): the old folder's mirror files are removed and the new one written, in one commit.
    /// Without it, a different folder is an error.
    /// </summary>
    public bool MoveMirror { get; init; }

    /// <summary>How many times a push rejected because the remote moved is retried on top of the remote.</summary>
    public int MaxPushAttempts { get; init; } = 5;

    /// <summary>How long to wait for another sync of the same checkout to finish.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long to wait for a git process still working in the checkout (one a killed sync left running) before its
    /// lock files are judged.
    /// </summary>
    public TimeSpan GitProcessWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The page size of catalog listings and diffs, and the batch size of view reads.</summary>
    public int CatalogPageSize { get; init; } = 500;
}
