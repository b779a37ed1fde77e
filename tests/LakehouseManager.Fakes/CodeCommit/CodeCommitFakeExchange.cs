namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>
/// One call the fake answered: the operation (the <c>X-Amz-Target</c> suffix; empty when there was none), the request
/// and response bodies, the status, the caller and the fake's time.
/// </summary>
public sealed record CodeCommitFakeExchange(
    string Operation, string RequestBody, int StatusCode, string ResponseBody, string? CallerArn, DateTimeOffset At)
{
    /// <summary>The error code of a failed call (<c>__type</c>); null for a success.</summary>
    public string? ErrorCode { get; init; }
}
