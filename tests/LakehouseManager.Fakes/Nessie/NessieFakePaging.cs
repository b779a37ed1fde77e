using System.Text;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// Paging as Nessie answers it (PAGING_INFO): at most a page of items, <c>hasMore</c>, and an opaque <c>token</c> that
/// resumes after the last item returned. The token is the hex of the last item's cursor.
/// </summary>
internal static class NessieFakePaging
{
    public static (List<T> Page, string? Token) Take<T>(IEnumerable<T> items, Func<T, string> cursorOf, string? pageToken, int pageSize)
    {
        var after = pageToken is null ? null : Decode(pageToken);
        var page = new List<T>(Math.Min(pageSize, 1024));
        var started = after is null;
        var hasMore = false;
        foreach (var item in items)
        {
            if (!started)
            {
                started = string.Equals(cursorOf(item), after, StringComparison.Ordinal);
                continue;
            }

            if (page.Count == pageSize)
            {
                hasMore = true;
                break;
            }

            page.Add(item);
        }

        if (!started)
        {
            throw NessieFakeError.BadRequest($"Invalid page token '{pageToken}'.");
        }

        return (page, hasMore ? Encode(cursorOf(page[^1])) : null);
    }

    /// <summary>Writes <c>hasMore</c> and <c>token</c>.</summary>
    public static void WritePaging(System.Text.Json.Utf8JsonWriter writer, string? token)
    {
        writer.WriteBoolean("hasMore", token is not null);
        if (token is null)
        {
            writer.WriteNull("token");
        }
        else
        {
            writer.WriteString("token", token);
        }
    }

    private static string Encode(string cursor) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(cursor));

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromHexString(token));
        }
        catch (FormatException)
        {
            throw NessieFakeError.BadRequest($"Invalid page token '{token}'.");
        }
    }
}
