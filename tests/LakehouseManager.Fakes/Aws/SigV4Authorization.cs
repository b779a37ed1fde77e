using System.Text.RegularExpressions;

namespace LakehouseManager.Fakes.Aws;

/// <summary>
/// A parsed <c>Authorization: AWS4-HMAC-SHA256 Credential=AKID/20240102/us-east-1/codecommit/aws4_request,
/// SignedHeaders=host;x-amz-date, Signature=hex</c> header.
/// </summary>
public sealed partial record SigV4Authorization(
    string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public string Scope => SigV4.Scope(Date, Region, Service);

    /// <summary>The parsed header; null when it is not a SigV4 header.</summary>
    public static SigV4Authorization? Parse(string? header)
    {
        if (header is null)
        {
            return null;
        }

        var match = Pattern().Match(header.Trim());
        if (!match.Success)
        {
            return null;
        }

        return new SigV4Authorization(
            match.Groups["key"].Value,
            match.Groups["date"].Value,
            match.Groups["region"].Value,
            match.Groups["service"].Value,
            match.Groups["headers"].Value.Split(';'),
            match.Groups["signature"].Value);
    }

    [GeneratedRegex(
        @"^AWS4-HMAC-SHA256\s+Credential=(?<key>[^/\s]+)/(?<date>\d{8})/(?<region>[^/\s]+)/(?<service>[^/\s]+)/aws4_request,\s*" +
        @"SignedHeaders=(?<headers>[a-z0-9\-;]+),\s*Signature=(?<signature>[0-9a-f]{64})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
