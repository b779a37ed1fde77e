using System.Text.Json;
using LakehouseManager.Reporting;

namespace LakehouseManager.Pipeline.Verify;

/// <summary>
/// The verification as JSON for <c>artifacts/</c> (the caller writes the file): every drift, not capped, with
/// repository paths and full keys, so a script can act on it.
/// </summary>
internal static class MirrorVerificationJson
{
    public static string Write(MirrorVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var comparison = verification.Comparison;
        return JsonReport.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("branch", verification.Branch);
            writer.WriteString("catalogHash", verification.CatalogHash);
            writer.WriteString("gitRevision", verification.GitRevision);
            writer.WriteString("gitCommit", verification.GitCommit);
            writer.WriteString("mirrorPath", verification.MirrorPath);
            writer.WriteBoolean("agrees", verification.Agrees);
            writer.WriteStartObject("counts");
            writer.WriteNumber("views", comparison.ViewCount);
            writer.WriteNumber("mirrorFiles", comparison.FileCount);
            writer.WriteNumber("matching", comparison.MatchingCount);
            writer.WriteNumber("missing", comparison.Missing.Count);
            writer.WriteNumber("extra", comparison.Extra.Count);
            writer.WriteNumber("different", comparison.Different.Count);
            writer.WriteNumber("misplaced", comparison.Misplaced.Count);
            writer.WriteNumber("unresolved", verification.Unresolved.Count);
            writer.WriteEndObject();
            writer.WriteStartArray("unresolved");
            foreach (var view in verification.Unresolved)
            {
                writer.WriteStartObject();
                JsonReport.WriteKey(writer, view.Key);
                writer.WriteString("reason", view.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            foreach (var kind in Enum.GetValues<MirrorDriftKind>())
            {
                writer.WriteStartArray(JsonReport.Name(kind));
                foreach (var drift in comparison.Of(kind))
                {
                    WriteDrift(writer, verification, drift);
                }

                writer.WriteEndArray();
            }

            writer.WriteStartArray("foreign");
            foreach (var path in verification.Foreign)
            {
                writer.WriteStringValue(verification.RepositoryPath(path));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void WriteDrift(Utf8JsonWriter writer, MirrorVerification verification, MirrorDrift drift)
    {
        writer.WriteStartObject();
        if (drift.Key is not null)
        {
            JsonReport.WriteKey(writer, drift.Key);
        }

        if (drift.Path is not null)
        {
            writer.WriteString("path", verification.RepositoryPath(drift.Path));
        }

        if (drift.ExpectedPath is not null)
        {
            writer.WriteString("expectedPath", verification.RepositoryPath(drift.ExpectedPath));
        }

        writer.WriteString("detail", drift.Detail);
        if (drift.Difference is { } difference)
        {
            writer.WriteStartObject("firstDifference");
            writer.WriteNumber("line", difference.Line);
            writer.WriteNumber("column", difference.Column);
            writer.WriteString("catalog", difference.CatalogLine);
            writer.WriteString("mirror", difference.MirrorLine);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
