using System.Text.Json;
using LakehouseManager.Reporting;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// <c>artifacts/catalog-delta.json</c>: the delta a sync computed, with each view's key, file and SQL text, so a dry run
/// (FetchCatalogDelta alone) shows exactly what CommitMirror would commit, and CommitMirror can commit it in a later
/// job (<see cref="CatalogDeltaJsonReader"/>).
/// </summary>
internal static class CatalogDeltaJson
{
    /// <summary>The version of the file's shape; a reader refuses others (2: foreign files, mirror moves, masking).</summary>
    public const int Format = 2;

    /// <summary>
    /// The file's text. When the delta holds a secret of the run (a view's SQL quoting a token), the file will be
    /// written masked, so it says so (<c>"redacted": true</c>) and CommitMirror computes the delta again rather than
    /// write masked SQL into the mirror.
    /// </summary>
    public static string Write(CatalogDelta delta, Security.SecretRedactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var text = Write(delta, redacted: delta.IsRedacted);
        return !delta.IsRedacted && redactor is not null && redactor.Reveals(text) ? Write(delta, redacted: true) : text;
    }

    private static string Write(CatalogDelta delta, bool redacted)
    {
        return JsonReport.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", Format);
            writer.WriteBoolean("redacted", redacted);
            writer.WriteString("branch", delta.Branch);
            writer.WriteString("mirrorPath", delta.MirrorPath);
            writer.WriteBoolean("bootstrap", delta.IsBootstrap);
            writer.WriteString("fromHash", delta.FromHash);
            writer.WriteString("toHash", delta.ToHash);
            writer.WriteString("watermarkCommit", delta.WatermarkCommit);
            writer.WriteString("gitHead", delta.GitHead);
            WriteChanges(writer, "added", delta, MirrorChangeKind.Added);
            WriteChanges(writer, "changed", delta, MirrorChangeKind.Changed);
            WriteChanges(writer, "removed", delta, MirrorChangeKind.Removed);
            WriteChanges(writer, "moved", delta, MirrorChangeKind.Moved);
            writer.WriteStartArray("renamed");
            foreach (var rename in delta.Renames)
            {
                writer.WriteStartObject();
                writer.WriteString("from", rename.From.ToSqlPath());
                WriteElements(writer, "fromKey", rename.From);
                writer.WriteString("to", rename.To.ToSqlPath());
                WriteElements(writer, "toKey", rename.To);
                writer.WriteString("contentId", rename.ContentId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("unresolved");
            foreach (var view in delta.Unresolved)
            {
                writer.WriteStartObject();
                JsonReport.WriteKey(writer, view.Key);
                writer.WriteString("reason", view.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("gitEdits");
            foreach (var edit in delta.GitEdits)
            {
                writer.WriteStartObject();
                writer.WriteString("path", edit.Path);
                if (edit.Key is not null)
                {
                    JsonReport.WriteKey(writer, edit.Key);
                }

                writer.WriteString("kind", JsonReport.Name(edit.Kind));
                writer.WriteString("resolution", JsonReport.Name(edit.Resolution));
                writer.WriteString("detail", edit.Detail);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("foreign");
            foreach (var path in delta.Foreign)
            {
                writer.WriteStringValue(path);
            }

            writer.WriteEndArray();
            if (delta.Move is { } move)
            {
                writer.WriteStartObject("move");
                writer.WriteString("fromPath", move.FromPath);
                writer.WriteString("watermarkCommit", move.WatermarkCommit);
                writer.WriteStartArray("files");
                foreach (var file in move.Files)
                {
                    writer.WriteStringValue(file);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("move");
            }

            writer.WriteEndObject();
        });
    }

    private static void WriteElements(Utf8JsonWriter writer, string name, Naming.ContentKey key)
    {
        writer.WriteStartArray(name);
        foreach (var element in key.Elements)
        {
            writer.WriteStringValue(element);
        }

        writer.WriteEndArray();
    }

    private static void WriteChanges(Utf8JsonWriter writer, string name, CatalogDelta delta, MirrorChangeKind kind)
    {
        writer.WriteStartArray(name);
        foreach (var change in delta.Changes.Where(c => c.Kind == kind).OrderBy(c => c.Key))
        {
            writer.WriteStartObject();
            JsonReport.WriteKey(writer, change.Key);
            writer.WriteString("path", change.Path);
            if (change.PreviousPath is not null)
            {
                writer.WriteString("previousPath", change.PreviousPath);
            }

            if (change.Sql is not null)
            {
                writer.WriteString("sql", change.Sql);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
