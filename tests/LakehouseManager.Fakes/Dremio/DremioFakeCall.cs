using System.Text.RegularExpressions;

namespace LakehouseManager.Fakes.Dremio;

/// <summary>What a route handler gets: the recorded request, the route's match, the parsed query and the fake.</summary>
public sealed class DremioFakeCall
{
    internal DremioFakeCall(DremioFake fake, DremioFakeRequest request, Match match, IReadOnlyDictionary<string, string> query)
    {
        Fake = fake;
        Request = request;
        Match = match;
        Query = query;
    }

    public DremioFake Fake { get; }

    public DremioFakeRequest Request { get; }

    /// <summary>The match of the route's pattern against <see cref="DremioFakeRequest.ApiPath"/>.</summary>
    public Match Match { get; }

    /// <summary>Query parameters (the last value of a repeated one).</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>A named group of the route pattern, unescaped.</summary>
    public string Segment(string group) => Uri.UnescapeDataString(Match.Groups[group].Value);
}
