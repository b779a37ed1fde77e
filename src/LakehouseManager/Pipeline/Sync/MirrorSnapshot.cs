using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// The mirror as one sync reads it: a commit (whose history gives the watermark and the git edits) and the mirror
/// files at that commit. A sync reads the checkout it has just prepared (<see cref="WorkTreeSnapshot"/>); a dry run
/// (FetchCatalogDelta alone) reads git's objects at a ref and never touches the checkout (<see cref="GitTreeSnapshot"/>).
/// Both feed the same planner, so the dry run shows what the sync would do.
/// </summary>
internal abstract class MirrorSnapshot(GitRepository repository, MirrorFolder mirror, string? commit)
{
    private MirrorScan? _committed;

    /// <summary>The commit the mirror is read at; null on a branch with no commit yet.</summary>
    public string? Commit => commit;

    protected GitRepository Repository => repository;

    protected MirrorFolder Mirror => mirror;

    /// <summary>
    /// The mirror files of the given keys (of the whole mirror when <paramref name="keys"/> is null); the result may
    /// hold more. <c>Complete</c> says whether it is the whole mirror folder, problems included.
    /// </summary>
    public abstract Task<(MirrorScan Scan, bool Complete)> ScanAsync(
        IReadOnlyCollection<ContentKey>? keys, CancellationToken cancellationToken);

    /// <summary>The SQL text of the given mirror files (relative paths); a path with no file is left out.</summary>
    public abstract Task<IReadOnlyDictionary<string, string>> ReadViewsAsync(
        IReadOnlyCollection<string> relativePaths, CancellationToken cancellationToken);

    /// <summary>Whether a file exists at a mirror path.</summary>
    public abstract Task<bool> ExistsAsync(string relativePath, CancellationToken cancellationToken);

    /// <summary>The view files of the mirror as committed (the deletion guard's measure of the mirror's size).</summary>
    public async Task<int> CountCommittedViewsAsync(CancellationToken cancellationToken) =>
        (await CommittedScanAsync(cancellationToken).ConfigureAwait(false)).Views.Count;

    /// <summary>The mirror files of <see cref="Commit"/>, read from git's objects once.</summary>
    protected async Task<MirrorScan> CommittedScanAsync(CancellationToken cancellationToken)
    {
        if (_committed is null)
        {
            var entries = commit is null
                ? []
                : await repository.Objects.ListTreeEntriesAsync(commit, mirror.MirrorPath, cancellationToken).ConfigureAwait(false);
            _committed = mirror.ScanTree(entries);
        }

        return _committed;
    }
}

/// <summary>The checkout's working tree, brought to the branch (clean, at <see cref="MirrorSnapshot.Commit"/>) by the sync.</summary>
internal sealed class WorkTreeSnapshot(GitRepository repository, MirrorFolder mirror, string? commit)
    : MirrorSnapshot(repository, mirror, commit)
{
    public override Task<(MirrorScan Scan, bool Complete)> ScanAsync(
        IReadOnlyCollection<ContentKey>? keys, CancellationToken cancellationToken)
    {
        // Only the examined keys' folders are read, unless a case-only collision is in play there.
        var plain = keys is null ? null : Mirror.TryScanPlain(keys);
        return Task.FromResult(plain is null ? (Mirror.Scan(), true) : (plain, false));
    }

    public override async Task<IReadOnlyDictionary<string, string>> ReadViewsAsync(
        IReadOnlyCollection<string> relativePaths, CancellationToken cancellationToken)
    {
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in relativePaths)
        {
            if (await Mirror.ReadViewAsync(path, cancellationToken).ConfigureAwait(false) is { } sql)
            {
                contents[path] = sql;
            }
        }

        return contents;
    }

    public override Task<bool> ExistsAsync(string relativePath, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(Path.Combine(Mirror.FullPath, relativePath.Replace('/', Path.DirectorySeparatorChar))));
}

/// <summary>A commit's tree, read from git's objects: nothing in the checkout is read or written.</summary>
internal sealed class GitTreeSnapshot(GitRepository repository, MirrorFolder mirror, string? commit)
    : MirrorSnapshot(repository, mirror, commit)
{
    public override async Task<(MirrorScan Scan, bool Complete)> ScanAsync(
        IReadOnlyCollection<ContentKey>? keys, CancellationToken cancellationToken) =>
        (await CommittedScanAsync(cancellationToken).ConfigureAwait(false), true);

    public override async Task<IReadOnlyDictionary<string, string>> ReadViewsAsync(
        IReadOnlyCollection<string> relativePaths, CancellationToken cancellationToken)
    {
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Commit is null || relativePaths.Count == 0)
        {
            return contents;
        }

        var blobs = await Repository.Objects.ReadFilesAsync(Commit, relativePaths.Select(Mirror.ToRepositoryPath), cancellationToken)
            .ConfigureAwait(false);
        foreach (var path in relativePaths)
        {
            if (blobs[Mirror.ToRepositoryPath(path)] is { } bytes)
            {
                try
                {
                    contents[path] = MirrorFile.ToSql(bytes);
                }
                catch (LakehouseException exception)
                {
                    throw new LakehouseException($"Cannot read the view file '{path}': {exception.Message}", isFatal: false, exception);
                }
            }
        }

        return contents;
    }

    public override async Task<bool> ExistsAsync(string relativePath, CancellationToken cancellationToken)
    {
        var scan = await CommittedScanAsync(cancellationToken).ConfigureAwait(false);
        return scan.Views.Any(v => v.RelativePath == relativePath) || scan.Problems.Any(p => p.RelativePath == relativePath);
    }
}
