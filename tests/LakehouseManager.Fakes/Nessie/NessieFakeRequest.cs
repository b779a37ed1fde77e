namespace LakehouseManager.Fakes.Nessie;

/// <summary>One request the fake received, recorded for assertions.</summary>
public sealed class NessieFakeRequest
{
    internal NessieFakeRequest(string method, string rawTarget, string? apiPath, string endpoint, string body, DateTimeOffset at)
    {
        Method = method;
        RawTarget = rawTarget;
        ApiPath = apiPath;
        Endpoint = endpoint;
        Body = body;
        At = at;
    }

    public string Method { get; }

    /// <summary>The path and query exactly as sent (still URL-encoded).</summary>
    public string RawTarget { get; }

    /// <summary>The encoded path under <c>api/v2/</c>, e.g. <c>trees/main%40abcd/entries</c>; null outside the API.</summary>
    public string? ApiPath { get; }

    /// <summary>The endpoint it matched, e.g. <c>GET trees/{ref}/entries</c> (what the counts are kept by).</summary>
    public string Endpoint { get; }

    public string Body { get; }

    /// <summary>When it arrived, on the fake's clock.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The status answered; 0 while in flight, -1 for a connection reset.</summary>
    public int StatusCode { get; internal set; }

    public override string ToString() => $"{Method} {RawTarget} -> {StatusCode}";
}
