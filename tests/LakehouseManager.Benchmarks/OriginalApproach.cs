using System.Text.Json;
using System.Text.RegularExpressions;
using LakehouseManager.DataTests;
using LakehouseManager.Naming;

namespace LakehouseManager.Benchmarks;

/// <summary>
/// One tick of the original proof of concept (design §1), replayed on the same fakes: read the branch's whole commit
/// log from Nessie (every page), parse Dremio's commit messages (<c>CREATE VIEW x</c>, <c>ALTER on VIEW x</c>,
/// <c>DROP VIEW x</c>) of the commits since the last one it saw, then read each touched view's SQL with one
/// <c>SHOW CREATE VIEW</c> job through Dremio's SQL API, one at a time. Its one CodeCommit commit per view is left out
/// (it would only add to its figures).
/// </summary>
internal sealed partial class OriginalApproach(HttpClient http, Uri nessieApi, string token, IQueryEngine dremio, string source)
{
    /// <summary>One tick: the views it found changed since <paramref name="lastSeenHash"/>, with their SQL (null: dropped).</summary>
    public async Task<IReadOnlyDictionary<string, string?>> TickAsync(string branch, string lastSeenHash, CancellationToken cancellationToken = default)
    {
        var touched = new List<(string Operation, string View)>();
        var seen = false;
        string? pageToken = null;
        do
        {
            var uri = new Uri(nessieApi, $"trees/{Uri.EscapeDataString(branch)}/history" +
                (pageToken is null ? "" : $"?page-token={Uri.EscapeDataString(pageToken)}"));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            foreach (var entry in page.RootElement.GetProperty("logEntries").EnumerateArray())
            {
                var meta = entry.GetProperty("commitMeta");
                seen |= meta.GetProperty("hash").GetString() == lastSeenHash;
                if (!seen && DremioMessage().Match(meta.GetProperty("message").GetString() ?? "") is { Success: true } match)
                {
                    touched.Add((match.Groups["op"].Value, match.Groups["view"].Value));
                }
            }

            // The whole log, every tick: the original never stopped at the commit it had seen.
            pageToken = page.RootElement.TryGetProperty("hasMore", out var more) && more.GetBoolean()
                ? page.RootElement.GetProperty("token").GetString()
                : null;
        }
        while (pageToken is not null);

        // Newest first in the log: the first mention of a view is its latest state.
        var changed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (operation, view) in touched)
        {
            if (changed.ContainsKey(view))
            {
                continue;
            }

            changed[view] = operation == "DROP VIEW"
                ? null
                : await ShowCreateViewAsync(view, branch, cancellationToken);
        }

        return changed;
    }

    private async Task<string> ShowCreateViewAsync(string view, string branch, CancellationToken cancellationToken)
    {
        var path = ContentKey.Of(source).ToSqlPath() + "." + view;
        await using var cursor = await dremio.ExecuteAsync($"SHOW CREATE VIEW {path} AT BRANCH {branch}", QueryVersion.AtHead(branch), cancellationToken);
        await foreach (var row in cursor.ReadRowsAsync(cancellationToken))
        {
            return row[^1] as string ?? "";
        }

        return "";
    }

    [GeneratedRegex("^(?<op>CREATE VIEW|ALTER on VIEW|DROP VIEW) (?<view>.+)$")]
    private static partial Regex DremioMessage();
}
