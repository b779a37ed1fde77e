namespace LakehouseManager.PullRequests.Commands;

/// <summary>What a comment asks for (design §6).</summary>
public enum CommentCommandKind
{
    /// <summary><c>!test [names|tag:x ...]</c>: run the data tests and reply with the results.</summary>
    Test,

    /// <summary><c>!sync</c>: mirror the catalog branch into the pull request's branch now.</summary>
    Sync,

    /// <summary><c>!status</c>: where the pull request, its mirror and its catalog branch stand.</summary>
    Status,

    /// <summary><c>!help</c>: the commands.</summary>
    Help,

    /// <summary>Anything else after the prefix, or a known command used wrongly: answered with the help.</summary>
    Unknown,
}
