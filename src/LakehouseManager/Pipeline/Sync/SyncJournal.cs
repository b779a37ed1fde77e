using LakehouseManager.IO;
using LakehouseManager.Security;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>What an interrupted sync was doing to the checkout when its mark was written.</summary>
internal enum SyncPhase
{
    /// <summary>Writing the mirror files and committing them (also: a mark of an older version, which says nothing).</summary>
    Write,

    /// <summary>Switching the checkout to the branch (<c>git switch</c>).</summary>
    Switch,

    /// <summary>Bringing the branch to its remote (<c>git reset --hard</c>, <c>git rebase</c>).</summary>
    CatchUp,
}

/// <summary>
/// Marks a sync that is changing the checkout, in the git directory (never in the working tree). It is written before
/// the first git command that changes the checkout (the switch), and cleared when the checkout is consistent again
/// (switched, caught up, or committed). If the process dies in between, the next sync finds the mark and knows that
/// the uncommitted changes are its own half-finished work, to be finished or undone, not a human's work in progress.
/// The checkout was clean when the mark was written: a sync refuses a checkout with somebody's changes before it.
/// </summary>
internal sealed class SyncJournal(string gitDirectory)
{
    private readonly string _path = System.IO.Path.Combine(gitDirectory, "lakehouse-manager", "sync-in-progress");

    public bool Exists => File.Exists(_path);

    /// <summary>The mark's path, for messages.</summary>
    public string Path => _path;

    /// <param name="branch">The branch being synced.</param>
    /// <param name="phase">What the sync is about to do.</param>
    /// <param name="activity">What the sync is doing, for a human who finds the file.</param>
    /// <param name="target">The commit whose files a switch or a catch-up writes into the working tree.</param>
    public void Write(string branch, SyncPhase phase, string activity, string? target = null)
    {
        // Whole or not at all: a kill mid-write must not leave a mark that says less than it should. It holds branch
        // and commit names only, no secret.
        AtomicFile.WriteText(
            _path, $"branch={branch}\nphase={phase}\nactivity={activity}\ntarget={target}\n", SecretRedactor.None);
    }

    /// <summary>The phase and target the mark records; an unreadable or older mark is the write phase.</summary>
    public (SyncPhase Phase, string? Target) Read()
    {
        var values = File.ReadAllLines(_path)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        var phase = values.TryGetValue("phase", out var text) && Enum.TryParse<SyncPhase>(text, out var parsed) ? parsed : SyncPhase.Write;
        var target = values.TryGetValue("target", out var commit) && Naming.RefName.IsHash(commit) ? commit : null;
        return (phase, target);
    }

    public void Clear() => File.Delete(_path);
}
