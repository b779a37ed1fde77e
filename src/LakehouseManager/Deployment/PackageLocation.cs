using System.Globalization;

namespace LakehouseManager.Deployment;

/// <summary>
/// Where Publish puts the bundle (issue 12): bucket <c>lakehouse-manager-packages-{stage}</c>, key
/// <c>lakehouse-manager-{version}-{timestamp}-{runtime}.zip</c>. The stage is <c>--stage</c>, else
/// <c>LAKEHOUSE_STAGE</c>, else the user name; a bucket name S3 would refuse is an error naming the rule it breaks. No I/O.
/// </summary>
public sealed record PackageLocation(string Bucket, string Key)
{
    public const string BucketPrefix = "lakehouse-manager-packages-";

    public string S3Uri => $"s3://{Bucket}/{Key}";

    /// <param name="stage">--stage.</param>
    /// <param name="environmentStage">LAKEHOUSE_STAGE.</param>
    /// <param name="userName">The user's name, the last fallback.</param>
    /// <param name="version">The tool's version, e.g. 1.0.0.</param>
    /// <param name="time">When it is published (the key's timestamp, UTC).</param>
    /// <param name="runtime">The bundle's runtime identifier, e.g. linux-x64.</param>
    public static PackageLocation Resolve(
        string? stage, string? environmentStage, string? userName, string version, DateTimeOffset time, string runtime)
    {
        var (value, source) = !string.IsNullOrWhiteSpace(stage) ? (stage.Trim(), "--stage")
            : !string.IsNullOrWhiteSpace(environmentStage) ? (environmentStage.Trim(), "LAKEHOUSE_STAGE")
            : !string.IsNullOrWhiteSpace(userName) ? (userName.Trim(), "the user name")
            : throw new LakehouseException("Publish needs a stage for its bucket name: pass --stage (e.g. --stage dev) or set LAKEHOUSE_STAGE.");
        var bucket = BucketPrefix + value;
        if (BucketProblem(bucket) is { } problem)
        {
            throw new LakehouseException(
                $"The stage '{value}' (from {source}) makes the bucket name '{bucket}', which S3 refuses: {problem}. Pass " +
                "--stage with lower-case letters, digits and '-' (e.g. --stage dev), or set LAKEHOUSE_STAGE.");
        }

        var stamp = time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return new PackageLocation(bucket, $"lakehouse-manager-{version}-{stamp}-{runtime}.zip");
    }

    /// <summary>Why S3 would refuse a general-purpose bucket name (its naming rules), or null when it is valid.</summary>
    public static string? BucketProblem(string bucket) =>
        bucket.Length is < 3 or > 63 ? $"a bucket name has 3 to 63 characters, and this one has {bucket.Length}"
        : bucket.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
            ? "a bucket name holds only lower-case letters, digits, '-' and '.'"
        : !char.IsAsciiLetterOrDigit(bucket[^1]) ? "a bucket name ends with a letter or digit"
        : bucket.Contains("..", StringComparison.Ordinal) ? "a bucket name has no two dots in a row"
        : bucket.EndsWith("-s3alias", StringComparison.Ordinal) || bucket.EndsWith("--ol-s3", StringComparison.Ordinal)
            ? "a bucket name does not end with -s3alias or --ol-s3"
        : null;
}
