namespace LakehouseManager.Aws;

/// <summary>What error codes mean for a retry and for the user. Pure: no I/O.</summary>
internal static class AwsErrorCodes
{
    // botocore's ThrottledRetryableChecker (retries/standard.py), minus LimitExceededException: EventBridge and
    // CodeBuild use that name for quotas (too many rules, too many projects), which no retry can lift.
    private static readonly HashSet<string> s_throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    // botocore's TransientRetryableChecker: the request timed out on the server's side before any work was done.
    private static readonly HashSet<string> s_transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    };

    private static readonly HashSet<string> s_unknownKey = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidClientTokenId",
    };

    private static readonly HashSet<string> s_badSignature = new(StringComparer.Ordinal)
    {
        "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "IncompleteSignatureException",
    };

    private static readonly HashSet<string> s_expired = new(StringComparer.Ordinal)
    {
        "ExpiredTokenException", "ExpiredToken", "RequestExpired", "TokenRefreshRequired",
    };

    private static readonly HashSet<string> s_accessDenied = new(StringComparer.Ordinal)
    {
        "AccessDeniedException", "AccessDenied", "NotAuthorized",
    };

    /// <summary>The caller is going too fast: retry later, whatever the request.</summary>
    public static bool IsThrottling(string? code) => code is not null && s_throttling.Contains(code);

    /// <summary>The server gave up on the request before doing it: retry.</summary>
    public static bool IsTransient(string? code) => code is not null && s_transient.Contains(code);

    /// <summary>What the user must do about a credential or permission error; null for any other error.</summary>
    public static string? CredentialAdvice(string code, AwsService service, string operation)
    {
        if (s_unknownKey.Contains(code))
        {
            return "AWS does not recognise the access key: check AWS_ACCESS_KEY_ID (and AWS_SESSION_TOKEN), the " +
                "profile in AWS_PROFILE, or the role, and that --aws-region is a region the account uses.";
        }

        if (s_badSignature.Contains(code))
        {
            return "AWS rejected the request's signature: the secret access key does not belong to the access key " +
                "(check AWS_SECRET_ACCESS_KEY or the profile), or this machine's clock is more than 5 minutes off.";
        }

        if (s_expired.Contains(code))
        {
            return "the AWS credentials have expired: refresh them (a new AWS_SESSION_TOKEN, `aws sso login` for the " +
                "profile, or a new role session).";
        }

        if (code == "MissingAuthenticationTokenException")
        {
            return "the request reached AWS without its signature: check that --aws-endpoint-url points at the " +
                "service itself, not at a proxy that drops the Authorization header.";
        }

        if (s_accessDenied.Contains(code))
        {
            return $"the AWS identity may not call {service.IamPrefix}:{operation}: allow that action in its IAM " +
                "policy (the CodeBuild project's service role in CodeBuild).";
        }

        return null;
    }
}
