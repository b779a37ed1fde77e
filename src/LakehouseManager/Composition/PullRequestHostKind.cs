namespace LakehouseManager.Composition;

/// <summary>The <c>--pr-host</c> parameter: where pull requests live.</summary>
public enum PullRequestHostKind
{
    /// <summary>Git only: a pull request is a pair of branches in the mirror repository; comments are files.</summary>
    Local,

    /// <summary>AWS CodeCommit pull requests.</summary>
    CodeCommit,
}
