using System.Text.Json;
using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// Reads the delta file that <see cref="CatalogDeltaJson"/> wrote, so CommitMirror can run in a later job than
/// FetchCatalogDelta. A file that is not such a delta is refused with the reason and the file's path.
/// </summary>
internal static class CatalogDeltaJsonReader
{
    public static CatalogDelta Read(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException
            or LakehouseException)
        {
            throw new LakehouseException(
                $"The delta file '{path}' is not a delta that FetchCatalogDelta wrote ({Plain(e)}): run FetchCatalogDelta " +
                "again to write it.",
                innerException: e);
        }
    }

    private static CatalogDelta Parse(JsonElement root)
    {
        var format = root.GetProperty("format").GetInt32();
        if (format != CatalogDeltaJson.Format)
        {
            throw new FormatException($"its format is {format}, and this version reads format {CatalogDeltaJson.Format}");
        }

        var changes = new List<MirrorChange>();
        foreach (var (name, kind) in new[]
        {
            ("added", MirrorChangeKind.Added), ("changed", MirrorChangeKind.Changed),
            ("removed", MirrorChangeKind.Removed), ("moved", MirrorChangeKind.Moved),
        })
        {
            foreach (var change in root.GetProperty(name).EnumerateArray())
            {
                changes.Add(new MirrorChange(
                    Key(change, "key"), kind, Text(change, "path")!, Text(change, "sql"), Text(change, "previousPath")));
            }
        }

        var edits = root.GetProperty("gitEdits").EnumerateArray().Select(e => new GitEdit(
            Text(e, "path")!,
            e.TryGetProperty("key", out _) ? Key(e, "key") : null,
            Enum.Parse<GitEditKind>(Text(e, "kind")!, ignoreCase: true),
            Enum.Parse<GitEditResolution>(Text(e, "resolution")!, ignoreCase: true),
            Text(e, "detail")!)).ToList();
        var unresolved = root.GetProperty("unresolved").EnumerateArray()
            .Select(u => new UnresolvedView(Key(u, "key"), Text(u, "reason")!)).ToList();
        var renames = root.GetProperty("renamed").EnumerateArray()
            .Select(r => new ViewRename(Key(r, "fromKey"), Key(r, "toKey"), Text(r, "contentId")!)).ToList();
        return new CatalogDelta(
            Text(root, "branch") ?? throw new FormatException("it names no branch"),
            Text(root, "mirrorPath") ?? "",
            Text(root, "fromHash"),
            Text(root, "toHash") ?? throw new FormatException("it names no catalog commit"),
            Text(root, "watermarkCommit"),
            Text(root, "gitHead"),
            [.. changes.OrderBy(c => c.Key)],
            edits,
            unresolved,
            renames)
        {
            Foreign = [.. root.GetProperty("foreign").EnumerateArray().Select(e => e.GetString()!)],
            Move = root.GetProperty("move").ValueKind == JsonValueKind.Null ? null : Move(root.GetProperty("move")),
            IsRedacted = root.GetProperty("redacted").GetBoolean(),
        };
    }

    private static MirrorMove Move(JsonElement move) =>
        new(
            Text(move, "fromPath") ?? throw new FormatException("its move names no folder"),
            Text(move, "watermarkCommit") ?? throw new FormatException("its move names no watermark"),
            [.. move.GetProperty("files").EnumerateArray().Select(e => e.GetString()!)]);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static ContentKey Key(JsonElement element, string name) =>
        ContentKey.Of(element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!));

    private static string Plain(Exception e) => e switch
    {
        KeyNotFoundException => "a field is missing",
        JsonException => "it is not valid JSON",
        _ => e.Message,
    };
}
