namespace LakehouseManager.Pipeline.Events;

/// <summary>What handling an event, a comment or one round of a watch did.</summary>
public enum ReviewAction
{
    /// <summary>Nothing to do; the summary says why.</summary>
    Ignored,

    /// <summary>The catalog branch was mirrored into the pull request's branch (with or without a new commit).</summary>
    Synced,

    /// <summary>The pull request's branch has no catalog branch of the same name: nothing to mirror.</summary>
    NoCatalogBranch,

    /// <summary>The catalog branch was merged (or already was).</summary>
    Merged,

    /// <summary>The catalog branches conflict: listed on the pull request, nothing merged.</summary>
    MergeConflicts,

    /// <summary>Closed without a merge; the catalog branch was kept or dropped (<see cref="OnClose"/>).</summary>
    Closed,

    /// <summary>A comment command was answered.</summary>
    CommandAnswered,

    /// <summary>A watch was stopped (Ctrl-C).</summary>
    Stopped,
}

/// <summary>One outcome: its action, one line for the log and the summary, and whether the target must fail.</summary>
public sealed record ReviewOutcome(ReviewAction Action, string Summary, bool Failed = false)
{
    public override string ToString() => Summary;
}
