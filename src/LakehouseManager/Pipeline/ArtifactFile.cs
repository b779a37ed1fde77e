namespace LakehouseManager.Pipeline;

/// <summary>Writes report files atomically: a reader never sees half a report, and a crash leaves the old one.</summary>
public static class ArtifactFile
{
    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
