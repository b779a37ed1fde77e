using LakehouseManager.Aws.CodeCommit;
using LakehouseManager.PullRequests.CodeCommit;

namespace LakehouseManager.Composition;

/// <summary>The <c>--pr-host codecommit</c> entry: CodeCommit through the AWS connection of the settings.</summary>
internal static class CodeCommitHosts
{
    public static CodeCommitPullRequestHost Create(Lakehouse lakehouse)
    {
        var client = lakehouse.Own(new CodeCommitClient(lakehouse.Aws));
        return new CodeCommitPullRequestHost(client, lakehouse.Settings.RepoName, lakehouse.Settings.BotArn);
    }
}
