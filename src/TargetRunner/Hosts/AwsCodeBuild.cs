namespace TargetRunner.Hosts;

/// <summary>
/// AWS CodeBuild, detected by <c>CODEBUILD_BUILD_ID</c>. Nuke has no CodeBuild host; this one follows CodeBuild's
/// documented environment variables.
/// </summary>
public sealed class AwsCodeBuild : Host, IBuildServer
{
    internal AwsCodeBuild(IReadOnlyDictionary<string, string> environment)
        : base(environment)
    {
    }

    internal static bool IsRunning(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("CODEBUILD_BUILD_ID", out var id) && !string.IsNullOrWhiteSpace(id);

    /// <summary>The build's id (<c>project:uuid</c>).</summary>
    public string? BuildId => Variable("CODEBUILD_BUILD_ID");

    /// <summary>
    /// The branch: a webhook's head ref when the build was started by one, else the requested source version
    /// (<c>CODEBUILD_SOURCE_VERSION</c>, e.g. <c>refs/heads/dev</c> or <c>dev</c>), without the <c>refs/heads/</c> prefix.
    /// </summary>
    public string? Branch => StripHeads(Variable("CODEBUILD_WEBHOOK_HEAD_REF") ?? Variable("CODEBUILD_SOURCE_VERSION"));

    /// <summary>The commit that was checked out (<c>CODEBUILD_RESOLVED_SOURCE_VERSION</c>).</summary>
    public string? Commit => Variable("CODEBUILD_RESOLVED_SOURCE_VERSION");

    /// <summary>The console URL of the build (the public one if the project has a public build page).</summary>
    public string? BuildUrl => Variable("CODEBUILD_BUILD_URL") ?? Variable("CODEBUILD_PUBLIC_BUILD_URL");

    /// <summary>The build number within the project.</summary>
    public string? BuildNumber => Variable("CODEBUILD_BUILD_NUMBER");

    /// <summary>The source repository URL.</summary>
    public string? SourceRepositoryUrl => Variable("CODEBUILD_SOURCE_REPO_URL");

    /// <summary>Who or what started the build (a user, or <c>codepipeline/...</c>).</summary>
    public string? Initiator => Variable("CODEBUILD_INITIATOR");

    private static string? StripHeads(string? reference) =>
        reference is not null && reference.StartsWith("refs/heads/", StringComparison.Ordinal)
            ? reference["refs/heads/".Length..]
            : reference;
}
