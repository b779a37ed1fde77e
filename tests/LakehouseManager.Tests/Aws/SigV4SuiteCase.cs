using System.Text;

namespace LakehouseManager.Tests.Aws;

/// <summary>
/// One case of AWS's SigV4 test suite (TestData/aws-sig-v4-test-suite): the raw request and the expected canonical
/// request, string to sign and Authorization header. Credentials and time are the suite's.
/// </summary>
internal sealed record SigV4SuiteCase(
    string Name,
    string Method,
    string RawPath,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string CanonicalRequest,
    string StringToSign,
    string Authorization)
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
    public const string Service = "service";
    public static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static IEnumerable<string> Names =>
        Directory.EnumerateDirectories(Folder).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!;

    public string Host => Headers.First(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value;

    public string Path => RawPath.Split('?')[0];

    public string Query => RawPath.Contains('?', StringComparison.Ordinal) ? RawPath[RawPath.IndexOf('?', StringComparison.Ordinal)..] : "";

    public string? SessionToken =>
        Headers.FirstOrDefault(h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)).Value;

    public static SigV4SuiteCase Load(string name)
    {
        string Read(string extension) => File.ReadAllText(System.IO.Path.Combine(Folder, name, name + extension)).Replace("\r\n", "\n", StringComparison.Ordinal);

        var request = Read(".req");
        var end = request.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? request : request[..end];
        var body = end < 0 ? "" : request[(end + 2)..];
        var lines = head.Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var rawPath = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var headers = lines.Skip(1)
            .Select(line => new KeyValuePair<string, string>(line[..line.IndexOf(':', StringComparison.Ordinal)], line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]))
            .ToList();
        return new SigV4SuiteCase(name, method, rawPath, headers, Encoding.UTF8.GetBytes(body), Read(".creq"), Read(".sts"), Read(".authz"));
    }

    /// <summary>
    /// The canonical request with <c>x-amz-content-sha256</c> among the signed headers: what AWSSDK.Core's signer, which
    /// always adds and signs that header, signs for this request.
    /// </summary>
    public string CanonicalRequestWithContentHash()
    {
        var lines = CanonicalRequest.Split('\n');
        var blank = Array.IndexOf(lines, "", 3);
        var payloadHash = lines[^1];
        var headers = lines[3..blank].Append($"x-amz-content-sha256:{payloadHash}").OrderBy(l => l[..l.IndexOf(':', StringComparison.Ordinal)], StringComparer.Ordinal);
        var signed = lines[blank + 1].Split(';').Append("x-amz-content-sha256").Order(StringComparer.Ordinal);
        return string.Join("\n", lines[..3].Concat(headers).Append("").Append(string.Join(";", signed)).Append(payloadHash));
    }

    public override string ToString() => Name;

    private static string Folder => System.IO.Path.Combine(AppContext.BaseDirectory, "Aws", "TestData", "aws-sig-v4-test-suite");
}
