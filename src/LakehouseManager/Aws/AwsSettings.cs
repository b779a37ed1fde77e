using System.Text.RegularExpressions;

namespace LakehouseManager.Aws;

/// <summary>
/// Where AWS calls go: the region, and endpoint overrides that point them at loopback fakes (moto, the CodeCommit fake)
/// or a VPC endpoint. Pure: the environment is passed in.
/// </summary>
/// <remarks>
/// The endpoint of a service is, in this order: <c>--aws-endpoint-url</c> (every service, as the AWS CLI's
/// <c>--endpoint-url</c>); <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> (e.g. <c>AWS_ENDPOINT_URL_CODECOMMIT</c>); then
/// <c>AWS_ENDPOINT_URL</c>, the variables of the AWS SDKs' service-specific endpoints feature; else
/// <c>https://&lt;endpointPrefix&gt;.&lt;region&gt;.amazonaws.com/</c> (<c>.amazonaws.com.cn</c> in the China regions).
/// </remarks>
internal sealed partial record AwsSettings
{
    private const string RegionExample = "a region code such as us-east-1 or eu-west-1";

    private AwsSettings(string region, Uri? endpointUrl, IReadOnlyDictionary<string, Uri> environmentEndpoints)
    {
        Region = region;
        EndpointUrl = endpointUrl;
        EnvironmentEndpoints = environmentEndpoints;
    }

    /// <summary>The region, e.g. <c>us-east-1</c>.</summary>
    public string Region { get; }

    /// <summary>The endpoint of every service (<c>--aws-endpoint-url</c>); null: per service.</summary>
    public Uri? EndpointUrl { get; }

    /// <summary>Endpoints from the environment, by <c>AWS_ENDPOINT_URL[_SERVICE]</c> variable name.</summary>
    private IReadOnlyDictionary<string, Uri> EnvironmentEndpoints { get; }

    /// <summary>
    /// The settings from the parameters (<c>--aws-region</c>, <c>--aws-endpoint-url</c>) and, for what they leave
    /// open, the environment (<c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>; the endpoint variables).
    /// </summary>
    public static AwsSettings Resolve(string? region, string? endpointUrl, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var resolvedRegion = FirstNonEmpty(region, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION"));
        if (resolvedRegion is null)
        {
            throw new LakehouseException(
                $"No AWS region is set: pass --aws-region ({RegionExample}) or set the AWS_REGION or " +
                "AWS_DEFAULT_REGION environment variable.");
        }

        if (!RegionPattern().IsMatch(resolvedRegion))
        {
            throw new LakehouseException(
                $"'{resolvedRegion}' is not an AWS region: expected {RegionExample} (--aws-region, AWS_REGION or " +
                "AWS_DEFAULT_REGION).");
        }

        var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var name in AwsService.All.Select(s => $"AWS_ENDPOINT_URL_{s.EnvironmentId}").Append("AWS_ENDPOINT_URL"))
        {
            if (FirstNonEmpty(environment(name)) is { } value)
            {
                endpoints[name] = ParseEndpoint(value, $"the environment variable {name}");
            }
        }

        var explicitEndpoint = FirstNonEmpty(endpointUrl) is { } text ? ParseEndpoint(text, "--aws-endpoint-url") : null;
        return new AwsSettings(resolvedRegion, explicitEndpoint, endpoints);
    }

    /// <summary>Settings for one region and, optionally, one endpoint for every service (tests, fakes).</summary>
    public static AwsSettings For(string region, Uri? endpointUrl = null) =>
        Resolve(region, endpointUrl?.ToString(), static _ => null);

    /// <summary>The root URL that a service's JSON 1.1 calls are POSTed to; always ends with <c>/</c>.</summary>
    internal Uri EndpointFor(AwsService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (EndpointUrl is not null)
        {
            return EndpointUrl;
        }

        if (EnvironmentEndpoints.TryGetValue($"AWS_ENDPOINT_URL_{service.EnvironmentId}", out var serviceEndpoint))
        {
            return serviceEndpoint;
        }

        if (EnvironmentEndpoints.TryGetValue("AWS_ENDPOINT_URL", out var globalEndpoint))
        {
            return globalEndpoint;
        }

        var domain = Region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{service.EndpointPrefix}.{Region}.{domain}/");
    }

    private static Uri ParseEndpoint(string text, string source)
    {
        const string Expected = "expected an absolute http or https URL such as http://127.0.0.1:5000";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new LakehouseException($"{source} '{text}' is not an endpoint URL: {Expected}.");
        }

        if (uri.UserInfo.Length > 0)
        {
            // Not echoed: the user info may hold a password.
            throw new LakehouseException($"{source} must not contain a user name or password: {Expected}.");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new LakehouseException($"{source} '{text}' must not have a query or fragment: {Expected}.");
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    // Partition and region codes: us-east-1, eu-central-2, ap-southeast-4, us-gov-west-1, cn-north-1, il-central-1.
    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
