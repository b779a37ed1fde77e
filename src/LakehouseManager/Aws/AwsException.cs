namespace LakehouseManager.Aws;

/// <summary>
/// An AWS call that failed: AWS could not be reached, did not answer in time, or sent something unexpected. When AWS
/// answered with an error, the exception is the more specific <see cref="AwsServiceException"/>. The message names the
/// service and operation and never holds a credential.
/// </summary>
internal class AwsException : LakehouseException
{
    public AwsException(string message, string service, string operation, bool isFatal = true, Exception? innerException = null)
        : base(message, isFatal, innerException)
    {
        Service = service;
        Operation = operation;
    }

    /// <summary>The service's name, e.g. "CodeCommit".</summary>
    public string Service { get; }

    /// <summary>The operation, e.g. "GetPullRequest".</summary>
    public string Operation { get; }
}
