namespace LakehouseManager.Mirror.Git;

/// <summary>
/// One line of <c>git status --porcelain=v1</c>: a path (relative to the repository root) and its two status letters
/// (<c>?</c> for untracked files). <see cref="OriginalPath"/> is set for renames and copies only.
/// </summary>
public sealed record GitStatusEntry(string Path, char IndexStatus, char WorkTreeStatus, string? OriginalPath = null)
{
    public bool IsUntracked => IndexStatus == '?';

    /// <summary>The records of <c>git status --porcelain=v1 -z</c>, run in <paramref name="repository"/>.</summary>
    internal static List<GitStatusEntry> ParseAll(IReadOnlyList<string> records, string repository)
    {
        var entries = new List<GitStatusEntry>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Length < 4 || record[2] != ' ')
            {
                throw new GitException("status", repository, $"Unexpected status line '{record}'.");
            }

            var (x, y, path) = (record[0], record[1], record[3..]);
            string? original = null;
            if (x is 'R' or 'C' || y is 'R' or 'C')
            {
                // A rename or copy is followed by a second record: the path it came from.
                original = i + 1 < records.Count ? records[++i] : null;
            }

            entries.Add(new GitStatusEntry(path, x, y, original));
        }

        return entries;
    }
}
