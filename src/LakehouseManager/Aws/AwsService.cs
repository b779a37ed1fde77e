namespace LakehouseManager.Aws;

/// <summary>
/// What the JSON 1.1 protocol needs to know about one AWS service (api-facts C.1, each model's <c>metadata</c> in
/// botocore's <c>service-2.json</c>). Pure: no I/O.
/// </summary>
/// <param name="Name">The service's name in messages, e.g. "CodeCommit".</param>
/// <param name="TargetPrefix">The <c>X-Amz-Target</c> prefix, e.g. <c>CodeCommit_20150413</c>.</param>
/// <param name="EndpointPrefix">The host's first label, e.g. <c>codecommit</c> in <c>codecommit.us-east-1.amazonaws.com</c>.</param>
/// <param name="SigningName">The service in the SigV4 credential scope.</param>
/// <param name="IamPrefix">The prefix of the service's IAM actions, e.g. <c>codecommit</c> in <c>codecommit:GetPullRequest</c>.</param>
/// <param name="EnvironmentId">
/// The suffix of the SDKs' service-specific endpoint variable, e.g. <c>CODECOMMIT</c> in <c>AWS_ENDPOINT_URL_CODECOMMIT</c>
/// (the model's <c>serviceId</c> in upper case, spaces as underscores).
/// </param>
internal sealed record AwsService(
    string Name, string TargetPrefix, string EndpointPrefix, string SigningName, string IamPrefix, string EnvironmentId)
{
    public static AwsService CodeCommit { get; } =
        new("CodeCommit", "CodeCommit_20150413", "codecommit", "codecommit", "codecommit", "CODECOMMIT");

    public static AwsService CodeBuild { get; } =
        new("CodeBuild", "CodeBuild_20161006", "codebuild", "codebuild", "codebuild", "CODEBUILD");

    public static AwsService SecretsManager { get; } =
        new("Secrets Manager", "secretsmanager", "secretsmanager", "secretsmanager", "secretsmanager", "SECRETS_MANAGER");

    public static AwsService EventBridge { get; } =
        new("EventBridge", "AWSEvents", "events", "events", "events", "EVENTBRIDGE");

    /// <summary>Every service this project calls.</summary>
    public static IReadOnlyList<AwsService> All { get; } = [CodeCommit, CodeBuild, SecretsManager, EventBridge];

    /// <summary>The <c>X-Amz-Target</c> header of an operation, e.g. <c>CodeCommit_20150413.GetPullRequest</c>.</summary>
    public string Target(string operation) => $"{TargetPrefix}.{operation}";
}
