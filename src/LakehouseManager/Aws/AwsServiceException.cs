using System.Net;

namespace LakehouseManager.Aws;

/// <summary>
/// AWS answered an operation with an error (api-facts C.1): <see cref="ErrorCode"/> is the model's exception name
/// (<c>PullRequestDoesNotExistException</c>), without a namespace. Fatal when nothing else will work either (the
/// credentials or permissions are wrong, the service keeps failing); a rejected request (a missing pull request) is not.
/// </summary>
internal sealed class AwsServiceException : AwsException
{
    public AwsServiceException(
        string message,
        string service,
        string operation,
        string errorCode,
        HttpStatusCode statusCode,
        string? serviceMessage,
        string? requestId,
        bool isFatal)
        : base(message, service, operation, isFatal)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        ServiceMessage = serviceMessage;
        RequestId = requestId;
    }

    /// <summary>The error's name, e.g. <c>PullRequestDoesNotExistException</c>; the status code when AWS sent none.</summary>
    public string ErrorCode { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>AWS's own message (<c>message</c> or <c>Message</c>), when it sent one.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The <c>x-amzn-RequestId</c> header, for a support case.</summary>
    public string? RequestId { get; }
}
