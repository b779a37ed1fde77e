using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>How a mirror file came to differ from the catalog without the catalog making the change.</summary>
public enum GitEditKind
{
    /// <summary>The file was changed in git (a human edit, or a merge) and the catalog did not change the view.</summary>
    Edited,

    /// <summary>The file was changed in git and the catalog changed the view too, differently.</summary>
    ConflictsWithCatalog,

    /// <summary>A <c>.sql</c> file in the mirror folder that does not map to any catalog key.</summary>
    Unmappable,
}

/// <summary>What the sync did about a git-side edit, per the <c>--on-git-edit</c> policy.</summary>
public enum GitEditResolution
{
    /// <summary>Left as it is and reported as drift (the default policy, <c>keep</c>).</summary>
    Kept,

    /// <summary>Overwritten with the catalog's view (policy <c>revert</c>).</summary>
    Reverted,
}

/// <summary>A mirror file that differs from the catalog because of a change made in git, and what was done about it.</summary>
public sealed record GitEdit(
    string Path,
    ContentKey? Key,
    GitEditKind Kind,
    GitEditResolution Resolution,
    string Detail);
