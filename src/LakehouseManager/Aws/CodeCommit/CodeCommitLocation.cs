using System.Text.Json;

namespace LakehouseManager.Aws.CodeCommit;

/// <summary>Where a file comment sits (the model's <c>Location</c>); general pull-request comments have none.</summary>
internal sealed record CodeCommitLocation(string? FilePath, long? FilePosition, string? RelativeFileVersion)
{
    public static CodeCommitLocation Parse(JsonElement json) => new(
        AwsJson.String(json, "filePath"),
        AwsJson.Long(json, "filePosition"),
        AwsJson.String(json, "relativeFileVersion"));

    public static void WriteMembers(Utf8JsonWriter writer, CodeCommitLocation location)
    {
        writer.WriteOptional("filePath", location.FilePath);
        writer.WriteOptional("filePosition", location.FilePosition);
        writer.WriteOptional("relativeFileVersion", location.RelativeFileVersion);
    }
}
