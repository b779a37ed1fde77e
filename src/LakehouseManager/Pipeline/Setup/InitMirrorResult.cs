using LakehouseManager.Pipeline.Sync;

namespace LakehouseManager.Pipeline.Setup;

/// <summary>What one part of the setup found: whether Init made it or it was there already, and what it is.</summary>
/// <param name="Created">True when this run made it (or, for the remote of an existing checkout, added it).</param>
/// <param name="Description">What it is, for the log and the summary (a path, or a URL without its password).</param>
public sealed record InitStep(bool Created, string Description);

/// <summary>
/// What <c>Init</c> did: the local catalog, the remote, the mirror checkout, and the sync of the branch. A run that
/// finds everything in place makes no commit and changes nothing (<see cref="ChangedAnything"/> is false).
/// </summary>
public sealed record InitMirrorResult(string Branch, InitStep Catalog, InitStep Remote, InitStep Checkout, SyncOutcome Sync)
{
    public bool ChangedAnything =>
        Catalog.Created || Remote.Created || Checkout.Created || Sync.Commit is not null || Sync.Push == PushState.Pushed;
}
