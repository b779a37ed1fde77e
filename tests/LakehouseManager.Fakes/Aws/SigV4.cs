using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LakehouseManager.Fakes.Aws;

/// <summary>
/// An independent SigV4 computation (api-facts C.9; AWS's "Create a signed AWS API request" recipe), written for the
/// fakes and the tests only: fakes verify the signatures they receive, tests check AWSSDK.Core's signer against it and it
/// against AWS's published test suite. The product signs with AWSSDK.Core, never with this.
/// </summary>
public static class SigV4
{
    /// <summary>The algorithm name in the string to sign and the Authorization header.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>
    /// The canonical request: method, path, sorted query, the signed headers (lower-case names, trimmed values with
    /// inner runs of spaces collapsed, repeated headers joined with commas), the signed header list and the payload hash.
    /// </summary>
    public static string CanonicalRequest(
        string method,
        string canonicalPath,
        string canonicalQuery,
        IEnumerable<KeyValuePair<string, string>> headers,
        IReadOnlyCollection<string> signedHeaders,
        string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        var byName = headers
            .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(h => Collapse(h.Value))), StringComparer.Ordinal);
        var names = signedHeaders.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var builder = new StringBuilder();
        builder.Append(method).Append('\n').Append(canonicalPath).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var name in names)
        {
            builder.Append(name).Append(':').Append(byName.TryGetValue(name, out var value) ? value : "").Append('\n');
        }

        builder.Append('\n').Append(string.Join(";", names)).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>
    /// The canonical path of a non-S3 service: each segment of the (decoded) path percent-encoded once, RFC 3986's
    /// unreserved characters kept.
    /// </summary>
    public static string CanonicalPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join("/", path.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment))));
    }

    /// <summary>The canonical query string: names and values percent-encoded (RFC 3986 unreserved kept), sorted.</summary>
    public static string CanonicalQuery(string query)
    {
        var text = query.StartsWith('?') ? query[1..] : query;
        if (text.Length == 0)
        {
            return "";
        }

        return string.Join("&", text.Split('&')
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
                return (Name: Encode(name), Value: Encode(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>The string to sign for a canonical request.</summary>
    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    /// <summary>The credential scope, e.g. <c>20240102/us-east-1/codecommit/aws4_request</c>.</summary>
    public static string Scope(string date, string region, string service) => $"{date}/{region}/{service}/aws4_request";

    /// <summary>The hex signature of a string to sign.</summary>
    public static string Signature(string secretKey, string date, string region, string service, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    /// <summary>The lower-case hex SHA-256 of a payload.</summary>
    public static string PayloadHash(ReadOnlySpan<byte> payload) => Hex(SHA256.HashData(payload));

    /// <summary>A time as <c>X-Amz-Date</c> writes it: <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static string AmzDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Collapse(string value)
    {
        var builder = new StringBuilder();
        var space = false;
        foreach (var c in value.Trim())
        {
            if (c == ' ')
            {
                if (!space)
                {
                    builder.Append(c);
                }

                space = true;
            }
            else
            {
                builder.Append(c);
                space = false;
            }
        }

        return builder.ToString();
    }

    private static string Encode(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
