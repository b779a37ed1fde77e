using LakehouseManager.Mirror.Git;

namespace LakehouseManager.Mirror;

public sealed partial class MirrorFolder
{
    /// <summary>
    /// What <see cref="Scan"/> finds, read from a commit's tree instead of the working tree (a dry run reads no
    /// checkout): the <c>.sql</c> files under the mirror folder with their keys, and those that do not decode or are
    /// links. Dot-folders at the mirror root are skipped, as <see cref="Scan"/> skips them.
    /// </summary>
    /// <param name="entries">The tree's entries under the mirror folder (repository paths), as git lists them.</param>
    public MirrorScan ScanTree(IEnumerable<GitTreeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var views = new List<MirrorEntry>();
        var problems = new List<MirrorProblem>();
        foreach (var entry in entries)
        {
            var relativePath = FromRepositoryPath(entry.Path);
            if (relativePath is null || !MirrorLayout.IsMirrorFile(relativePath))
            {
                continue;
            }

            if (!entry.IsFile)
            {
                problems.Add(new MirrorProblem(relativePath, entry.IsLink
                    ? "it is a symbolic link or junction; links are not followed"
                    : "it is not a file in git (a submodule?)"));
            }
            else if (MirrorLayout.TryDecode(relativePath, out var key, out var error))
            {
                views.Add(new MirrorEntry(relativePath, key!));
            }
            else
            {
                problems.Add(new MirrorProblem(relativePath, error!));
            }
        }

        views.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        problems.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new MirrorScan(views, problems);
    }
}
