namespace LakehouseManager.Fakes.Dremio;

/// <summary>One request the fake received, recorded for assertions.</summary>
public sealed class DremioFakeRequest
{
    internal DremioFakeRequest(
        string method, string path, string query, string host, string body, bool authorized, DateTimeOffset at)
    {
        Method = method;
        Path = path;
        Query = query;
        Host = host;
        Body = body;
        Authorized = authorized;
        At = at;
    }

    /// <summary>GET, POST, ...</summary>
    public string Method { get; }

    /// <summary>The full path, e.g. <c>/v0/projects/{id}/job/{job}/results</c> or <c>/api/v3/sql</c>.</summary>
    public string Path { get; }

    /// <summary>The query string with its <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>The <c>Host</c> header as received (e.g. <c>api.eu.dremio.cloud</c> through the redirect handler).</summary>
    public string Host { get; }

    /// <summary>The request body as text (empty when none).</summary>
    public string Body { get; }

    /// <summary>Whether it carried <c>Authorization: Bearer &lt;the fake's PAT&gt;</c>.</summary>
    public bool Authorized { get; }

    /// <summary>When it arrived, on the fake's clock.</summary>
    public DateTimeOffset At { get; }

    /// <summary>
    /// The path under the API root (<c>sql</c>, <c>job/{id}</c>, ...), or null when it is under neither
    /// <c>/v0/projects/{id}/</c> nor <c>/api/v3/</c>.
    /// </summary>
    public string? ApiPath { get; internal set; }

    /// <summary>The status the fake answered with (0 while the request is being handled).</summary>
    public int StatusCode { get; internal set; }

    public override string ToString() => $"{Method} {Host}{Path}{Query} -> {StatusCode}";
}
