namespace LakehouseManager.Pipeline.Merge;

/// <summary>How MergeCatalog behaves.</summary>
public sealed record MergeCatalogOptions
{
    public static MergeCatalogOptions Default { get; } = new();

    /// <summary>
    /// How many times the dry run and the merge are tried when the target branch moves in between (someone else
    /// merged meanwhile). Each round re-reads the target, so nothing is ever overwritten; a bound keeps a busy branch
    /// from holding the run forever.
    /// </summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The mirror repository's remote, fetched when the pull request's source commit is not there yet.</summary>
    public string Remote { get; init; } = "origin";

    /// <summary>The author of the catalog's merge commit.</summary>
    public string Author { get; init; } = "lakehouse-manager";

    /// <summary>Whether to post the outcome (merged, conflicts) as a pull-request comment.</summary>
    public bool PostComments { get; init; } = true;
}
