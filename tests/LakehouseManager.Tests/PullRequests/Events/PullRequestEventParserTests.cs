using LakehouseManager.PullRequests.Events;
using LakehouseManager.Tests.Pipeline.Events;
using Xunit;

namespace LakehouseManager.Tests.PullRequests.Events;

public sealed class PullRequestEventParserTests
{
    [Theory]
    [InlineData("pullRequestCreated", PullRequestEventKind.Created, "1", false, "Open")]
    [InlineData("pullRequestSourceBranchUpdated", PullRequestEventKind.SourceBranchUpdated, "1", false, "Open")]
    [InlineData("pullRequestStatusChanged", PullRequestEventKind.StatusChanged, "1", false, "Closed")]
    [InlineData("pullRequestMergeStatusUpdated", PullRequestEventKind.MergeStatusUpdated, "1", true, "Closed")]
    public void The_documented_pull_request_events_are_told_apart_by_their_detail_event(
        string sample, PullRequestEventKind kind, string id, bool merged, string status)
    {
        var parsed = PullRequestEventParser.Parse(SampleEvents.Read(sample));

        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(sample, parsed.Name);
        Assert.Equal(id, parsed.PullRequestId);
        Assert.Equal("MyDemoRepo", parsed.RepositoryName);
        Assert.Equal(merged, parsed.IsMerged);
        Assert.Equal(status, parsed.PullRequestStatus);
        Assert.Equal("test-branch", parsed.SourceBranch);
        Assert.Equal("main", parsed.DestinationBranch);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/Admin/Mary_Major", parsed.CallerArn);
    }

    [Fact]
    public void The_time_is_the_envelopes_not_the_display_dates_of_the_detail()
    {
        var parsed = PullRequestEventParser.Parse(SampleEvents.Read("pullRequestCreated"));

        Assert.Equal(new DateTimeOffset(2019, 2, 9, 7, 15, 16, TimeSpan.Zero), parsed.Time);
    }

    [Fact]
    public void A_comment_event_names_its_comment_its_pull_request_and_its_repository_in_repositoryName()
    {
        var parsed = PullRequestEventParser.Parse(SampleEvents.Read("commentOnPullRequestCreated"));

        Assert.Equal(PullRequestEventKind.CommentCreated, parsed.Kind);
        Assert.Equal("463bEXAMPLE...", parsed.CommentId);
        Assert.Equal("201", parsed.PullRequestId);
        Assert.Equal("MyDemoRepo", parsed.RepositoryName);
        Assert.Null(parsed.IsMerged);
    }

    [Theory]
    [InlineData("pullRequestApprovalStateChanged", "approval events")]
    [InlineData("commentOnPullRequestUpdated", "an edited comment does not run its command again")]
    [InlineData("referenceCreated", "'CodeCommit Repository State Change' events are not about pull requests")]
    public void Events_the_tool_does_not_act_on_are_ignored_with_the_reason(string sample, string reason)
    {
        var parsed = PullRequestEventParser.Parse(SampleEvents.Read(sample));

        Assert.Equal(PullRequestEventKind.Ignored, parsed.Kind);
        Assert.Contains(reason, parsed.IgnoredReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pullRequestCreated")]
    [InlineData("pullRequestSourceBranchUpdated")]
    [InlineData("pullRequestStatusChanged")]
    [InlineData("pullRequestMergeStatusUpdated")]
    [InlineData("commentOnPullRequestCreated")]
    public void The_variables_the_input_transformer_sets_read_as_the_event_itself(string sample)
    {
        var json = SampleEvents.Read(sample);

        var fromEnvironment = PullRequestEventParser.FromEnvironment(InputTransformer.Environment(json));

        Assert.Equal(PullRequestEventParser.Parse(json), fromEnvironment);
    }

    [Theory]
    [InlineData("\"isMerged\": \"False\"", "\"isMerged\": \"yes\"", "'detail.isMerged' in the event is 'yes': expected the string \"True\" or \"False\".")]
    [InlineData("\"pullRequestId\": \"1\"", "\"pullRequestId\": \"one\"", "'detail.pullRequestId' in the event is 'one': CodeCommit pull request ids are numbers.")]
    [InlineData("\"repositoryNames\": [\"MyDemoRepo\"]", "\"repositoryNames\": []", "'detail.repositoryNames[0]' in the event is missing or empty")]
    [InlineData("\"sourceReference\": \"refs/heads/test-branch\"", "\"sourceReference\": \"refs/tags/v1\"", "is 'refs/tags/v1': expected a branch, refs/heads/NAME.")]
    [InlineData("\"time\": \"2019-02-09T07:15:16Z\"", "\"time\": \"Tue Feb 9 2019\"", "'time' in the event is 'Tue Feb 9 2019': expected an ISO 8601 time")]
    [InlineData("\"source\": \"aws.codecommit\"", "\"source\": \"aws.s3\"", "comes from 'aws.s3', not from CodeCommit")]
    [InlineData("\"pullRequestStatus\": \"Open\"", "\"pullRequestStatus\": \"Merged\"", "is 'Merged': expected \"Open\" or \"Closed\".")]
    public void A_malformed_event_is_an_error_naming_the_field_and_what_is_valid(string original, string replacement, string message)
    {
        var json = SampleEvents.Read("pullRequestCreated").Replace(original, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<LakehouseException>(() => PullRequestEventParser.Parse(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_an_error_saying_what_was_expected()
    {
        var error = Assert.Throws<LakehouseException>(() => PullRequestEventParser.Parse("pullRequestCreated", "the event file 'x.json'"));

        Assert.StartsWith("The event file 'x.json' is not JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("aws.codecommit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_without_an_event_says_how_to_give_one()
    {
        var error = Assert.Throws<LakehouseException>(() => PullRequestEventParser.FromEnvironment(_ => null));

        Assert.Contains("--event", error.Message, StringComparison.Ordinal);
        Assert.Contains("CODECOMMIT_EVENT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_with_a_bad_value_is_named_by_the_variable()
    {
        var environment = InputTransformer.Environment(SampleEvents.Read("pullRequestMergeStatusUpdated"));

        var error = Assert.Throws<LakehouseException>(() => PullRequestEventParser.FromEnvironment(
            name => name == "CODECOMMIT_IS_MERGED" ? "maybe" : environment(name)));

        Assert.Equal(
            "The environment variable CODECOMMIT_IS_MERGED (detail.isMerged) is 'maybe': expected the string \"True\" or \"False\".",
            error.Message);
    }
}
