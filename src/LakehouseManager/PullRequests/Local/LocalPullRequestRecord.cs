using System.Text.Json;
using LakehouseManager.IO;
using LakehouseManager.Reporting;
using LakehouseManager.Security;

namespace LakehouseManager.PullRequests.Local;

/// <summary>
/// What the local host remembers of a pull request (<c>pull-request.json</c> in its folder): the last source commit it
/// saw, so the pull request can still be read after its source branch was deleted.
/// </summary>
internal sealed record LocalPullRequestRecord(string Id, string SourceBranch, string TargetBranch, string SourceCommit)
{
    public const string FileName = "pull-request.json";

    public static async Task<LocalPullRequestRecord?> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
            var root = document.RootElement;
            return new LocalPullRequestRecord(
                root.GetProperty("id").GetString()!,
                root.GetProperty("sourceBranch").GetString()!,
                root.GetProperty("targetBranch").GetString()!,
                root.GetProperty("sourceCommit").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A damaged record only loses the memory of a deleted branch; it is rewritten on the next read.
            return null;
        }
    }

    public static Task WriteAsync(
        string folder, LocalPullRequestRecord record, SecretRedactor redactor, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(
            Path.Combine(folder, FileName),
            JsonReport.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("id", record.Id);
                writer.WriteString("sourceBranch", record.SourceBranch);
                writer.WriteString("targetBranch", record.TargetBranch);
                writer.WriteString("sourceCommit", record.SourceCommit);
                writer.WriteEndObject();
            }),
            redactor,
            cancellationToken);
}
