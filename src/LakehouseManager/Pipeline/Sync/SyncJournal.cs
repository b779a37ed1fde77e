namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// Marks a sync that is writing the mirror, in the git directory (never in the working tree). If the process dies
/// between writing files and committing, the next sync finds the mark and knows the uncommitted changes in the mirror
/// folder are its own half-finished work, to be discarded and redone, not a human's work in progress.
/// </summary>
internal sealed class SyncJournal(string gitDirectory)
{
    private readonly string _path = Path.Combine(gitDirectory, "lakehouse-manager", "sync-in-progress");

    public bool Exists => File.Exists(_path);

    /// <param name="branch">The branch being synced.</param>
    /// <param name="activity">What the sync is doing, for a human who finds the file.</param>
    public void Write(string branch, string activity)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path, $"branch={branch}\nactivity={activity}\n");
    }

    public void Clear() => File.Delete(_path);
}
