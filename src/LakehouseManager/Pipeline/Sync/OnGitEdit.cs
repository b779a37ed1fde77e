namespace LakehouseManager.Pipeline.Sync;

/// <summary>The <c>--on-git-edit</c> policy: what a sync does with a mirror file a human changed in git.</summary>
public enum OnGitEdit
{
    /// <summary>Keep the edit and report it as drift (default): an edit is never silently reverted.</summary>
    Keep,

    /// <summary>Overwrite the edit with the catalog's view.</summary>
    Revert,

    /// <summary>Stop the sync with an error, before anything is written.</summary>
    Fail,
}
