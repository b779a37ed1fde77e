using LakehouseManager.Catalog;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline.Sync;

namespace LakehouseManager.Pipeline;

/// <summary>Where the pipeline works: the catalog, the mirror checkout and where reports go.</summary>
public sealed record PipelineOptions
{
    /// <summary>The versioned catalog (<c>--catalog</c>).</summary>
    public required ICatalog Catalog { get; init; }

    /// <summary>The mirror checkout, a git working tree (<c>--repo-path</c>).</summary>
    public required string RepoPath { get; init; }

    /// <summary>The mirror folder inside the checkout; empty for its root (<c>--mirror-path</c>).</summary>
    public string MirrorPath { get; init; } = "";

    /// <summary>The checkout's remote (<c>--remote</c>); a checkout without it works locally only.</summary>
    public string Remote { get; init; } = "origin";

    /// <summary>The pull request's target branch, and where new branches start (<c>--from-ref</c>).</summary>
    public string FromRef { get; init; } = "main";

    /// <summary>What a sync does with a mirror file a human changed (<c>--on-git-edit</c>).</summary>
    public OnGitEdit OnGitEdit { get; init; } = OnGitEdit.Keep;

    /// <summary>Where reports are written (<c>artifacts/</c>).</summary>
    public required string ArtifactsDirectory { get; init; }

    /// <summary>The pull-request host (<c>--pr-host</c>); null for the Local host (git only).</summary>
    public PullRequests.IPullRequestHost? PullRequestHost { get; init; }

    /// <summary>How git runs (identity, timeouts); null for the defaults.</summary>
    public GitOptions? Git { get; init; }
}
