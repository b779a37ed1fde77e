using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.Local;

namespace LakehouseManager.Composition;

/// <summary>One entry per pull-request host kind (<c>--pr-host</c>).</summary>
internal static class PullRequestHosts
{
    public static IPullRequestHost Create(Lakehouse lakehouse) => lakehouse.Settings.PullRequestHost switch
    {
        PullRequestHostKind.Local => new LocalPullRequestHost(
            lakehouse.Repository,
            lakehouse.Mirror.MirrorPath,
            Path.Combine(lakehouse.Settings.ArtifactsDirectory, "pull-requests"),
            lakehouse.Settings.Remote,
            lakehouse.TimeProvider,
            redactor: lakehouse.Redactor),
        PullRequestHostKind.CodeCommit => CodeCommitHosts.Create(lakehouse),
        var kind => throw new LakehouseException($"--pr-host {kind.ToString().ToLowerInvariant()} is not in this version: use --pr-host local or codecommit."),
    };
}
