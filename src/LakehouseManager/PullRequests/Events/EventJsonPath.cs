using System.Globalization;
using System.Text.Json;

namespace LakehouseManager.PullRequests.Events;

/// <summary>
/// The JSON paths input transformers use here: <c>$.a.b</c>, <c>$.detail-type</c>, <c>$.a.b[0]</c>. The value as
/// EventBridge would substitute it: a string as its text, any other scalar as its JSON text; null when missing. No I/O.
/// </summary>
internal static class EventJsonPath
{
    public static string? Evaluate(JsonElement root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' is not a JSON path of the form $.a.b[0].", nameof(path));
        }

        var current = root;
        foreach (var segment in path[2..].Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }

            if (bracket >= 0)
            {
                var index = int.Parse(segment[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture);
                if (current.ValueKind != JsonValueKind.Array || current.GetArrayLength() <= index)
                {
                    return null;
                }

                current = current[index];
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => current.GetRawText(),
            _ => null,
        };
    }
}
