using System.Net;
using System.Text;
using LakehouseManager.Aws;
using Xunit;

namespace LakehouseManager.Tests.Aws;

public sealed class AwsErrorResponseTests
{
    [Theory]
    [InlineData("{\"__type\":\"PullRequestDoesNotExistException\",\"message\":\"gone\"}", "PullRequestDoesNotExistException", "gone")]
    [InlineData("{\"__type\":\"com.amazonaws.codecommit#CommentDoesNotExistException\",\"Message\":\"no such\"}", "CommentDoesNotExistException", "no such")]
    [InlineData("{\"code\":\"ValidationException\",\"message\":\"bad\"}", "ValidationException", "bad")]
    [InlineData("{\"__type\":\"ResourceNotFoundException:http://internal.amazon.com/coral/\"}", "ResourceNotFoundException", null)]
    [InlineData("<html>Bad Gateway</html>", null, null)]
    [InlineData("", null, null)]
    public void The_code_and_message_come_from_the_body_in_every_form_json_1_1_uses(string body, string? code, string? message)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);

        var error = AwsErrorResponse.Parse(response.Headers, body);

        Assert.Equal((code, message), (error.Code, error.Message));
    }

    [Fact]
    public void A_query_error_header_wins_over_the_body()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        response.Headers.TryAddWithoutValidation("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender");
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "req-1");

        var error = AwsErrorResponse.Parse(response.Headers, "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"m\"}");

        Assert.Equal(("AWS.SimpleQueueService.NonExistentQueue", "m", "req-1"), (error.Code, error.Message, error.RequestId));
    }

    [Fact]
    public void The_error_type_header_is_read_when_the_body_has_no_type()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        response.Headers.TryAddWithoutValidation("X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/");

        Assert.Equal("ResourceNotFoundException", AwsErrorResponse.Parse(response.Headers, "{\"message\":\"m\"}").Code);
    }

    [Theory(Timeout = 10_000)]
    [InlineData(HttpStatusCode.BadRequest, "{\"__type\":\"ThrottlingException\"}", true)]
    [InlineData(HttpStatusCode.BadRequest, "{\"__type\":\"com.amazonaws.codecommit#TooManyRequestsException\"}", true)]
    [InlineData(HttpStatusCode.BadRequest, "{\"__type\":\"RequestTimeoutException\"}", true)]
    [InlineData(HttpStatusCode.BadRequest, "{\"__type\":\"LimitExceededException\"}", false)]
    [InlineData(HttpStatusCode.BadRequest, "{\"__type\":\"PullRequestDoesNotExistException\"}", false)]
    [InlineData(HttpStatusCode.OK, "{\"__type\":\"ThrottlingException\"}", false)]
    public async Task Throttling_codes_make_a_response_worth_another_try(HttpStatusCode status, string body, bool refused)
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };

        Assert.Equal(refused, AwsErrorResponse.IsRefusedForNow(response));
        // The body is still there for the error message.
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_request_error_is_not_fatal_and_names_call_code_status_and_message()
    {
        var error = new AwsErrorResponse("PullRequestDoesNotExistException", "Pull request 7 does not exist.", "req-2")
            .ToException(AwsService.CodeCommit, "GetPullRequest", HttpStatusCode.BadRequest, rawBody: null);

        Assert.Equal("CodeCommit GetPullRequest failed with PullRequestDoesNotExistException (HTTP 400): Pull request 7 does not exist.", error.Message);
        Assert.False(error.IsFatal);
        Assert.Equal(("PullRequestDoesNotExistException", "req-2"), (error.ErrorCode, error.RequestId));
    }

    [Fact]
    public void An_access_denial_names_the_iam_action_to_allow()
    {
        var error = new AwsErrorResponse("AccessDeniedException", "User is not authorized", null)
            .ToException(AwsService.SecretsManager, "GetSecretValue", HttpStatusCode.BadRequest, rawBody: null);

        Assert.True(error.IsFatal);
        Assert.Equal(
            "AWS refused Secrets Manager GetSecretValue (AccessDeniedException, HTTP 400): User is not authorized. Probably " +
            "the AWS identity may not call secretsmanager:GetSecretValue: allow that action in its IAM policy (the " +
            "CodeBuild project's service role in CodeBuild).",
            error.Message);
    }

    [Fact]
    public void Expired_credentials_say_to_refresh_them()
    {
        var error = new AwsErrorResponse("ExpiredTokenException", "The security token included in the request is expired", null)
            .ToException(AwsService.CodeBuild, "StartBuild", HttpStatusCode.BadRequest, rawBody: null);

        Assert.True(error.IsFatal);
        Assert.EndsWith(
            "Probably the AWS credentials have expired: refresh them (a new AWS_SESSION_TOKEN, `aws sso login` for the " +
            "profile, or a new role session).",
            error.Message);
    }

    [Fact]
    public void A_gateway_page_without_a_code_is_reported_by_status_with_its_start()
    {
        var error = AwsErrorResponse.Parse(new HttpResponseMessage().Headers, "<html>Bad Gateway</html>")
            .ToException(AwsService.EventBridge, "PutEvents", HttpStatusCode.BadGateway, "<html>Bad Gateway</html>");

        Assert.Equal("502", error.ErrorCode);
        Assert.True(error.IsFatal);
        Assert.Equal("EventBridge failed on PutEvents (502, HTTP 502) after every retry: <html>Bad Gateway</html>. Run it again later.", error.Message);
    }
}
