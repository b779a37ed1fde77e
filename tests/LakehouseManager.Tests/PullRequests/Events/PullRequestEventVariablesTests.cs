using System.Text.Json;
using LakehouseManager.PullRequests.Events;
using LakehouseManager.Tests.Pipeline.Events;
using Xunit;

namespace LakehouseManager.Tests.PullRequests.Events;

public sealed class PullRequestEventVariablesTests
{
    private const string RepositoryArn = "arn:aws:codecommit:us-east-2:123456789012:MyDemoRepo";

    [Fact]
    public void The_pull_request_rule_matches_the_four_state_changes_the_tool_handles()
    {
        using var pattern = JsonDocument.Parse(PullRequestEventVariables.EventPattern(PullRequestEvent.PullRequestStateChange, RepositoryArn));

        var events = pattern.RootElement.GetProperty("detail").GetProperty("event").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(["pullRequestCreated", "pullRequestSourceBranchUpdated", "pullRequestStatusChanged", "pullRequestMergeStatusUpdated"], events);
        Assert.Equal(RepositoryArn, pattern.RootElement.GetProperty("resources")[0].GetString());
        Assert.Equal("aws.codecommit", pattern.RootElement.GetProperty("source")[0].GetString());
    }

    [Fact]
    public void The_comment_rule_matches_new_comments_only()
    {
        using var pattern = JsonDocument.Parse(PullRequestEventVariables.EventPattern(PullRequestEvent.CommentOnPullRequest, RepositoryArn));

        var events = pattern.RootElement.GetProperty("detail").GetProperty("event").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(["commentOnPullRequestCreated"], events);
    }

    [Theory]
    [InlineData("CodeCommit Pull Request State Change", "pullRequestMergeStatusUpdated")]
    [InlineData("CodeCommit Comment on Pull Request", "commentOnPullRequestCreated")]
    public void Every_mapped_path_is_in_the_documented_event_and_every_template_variable_is_mapped(string detailType, string sample)
    {
        using var document = JsonDocument.Parse(SampleEvents.Read(sample));
        var paths = PullRequestEventVariables.InputPathsMap(detailType);

        var missing = paths.Where(p => EventJsonPath.Evaluate(document.RootElement, p.Value) is null).Select(p => p.Key).ToList();
        using var input = JsonDocument.Parse(InputTransformer.StartBuildInput(SampleEvents.Read(sample)));
        var names = input.RootElement.GetProperty("environmentVariablesOverride").EnumerateArray()
            .Select(v => v.GetProperty("name").GetString()!).ToList();

        Assert.Empty(missing);
        Assert.Equal(paths.Keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.StartsWith("CODECOMMIT_", n, StringComparison.Ordinal));
    }

    [Fact]
    public void The_README_shows_the_patterns_paths_and_templates_the_code_defines()
    {
        var readme = File.ReadAllText(Path.Combine(Support.BuildProcess.RepositoryRoot, "README.md"));

        foreach (var detailType in PullRequestEventVariables.DetailTypes)
        {
            Assert.Contains(PullRequestEventVariables.InputTemplate(detailType), readme, StringComparison.Ordinal);
            Assert.Contains(
                JsonSerializer.Serialize(PullRequestEventVariables.InputPathsMap(detailType), new JsonSerializerOptions { WriteIndented = false }),
                readme,
                StringComparison.Ordinal);
            Assert.Contains(PullRequestEventVariables.EventPattern(detailType, "${RepositoryArn}"), readme, StringComparison.Ordinal);
        }
    }
}
