namespace LakehouseManager.Mirror;

public sealed partial class MirrorFolder
{
    /// <summary>
    /// Lists the <c>.sql</c> files under the mirror folder (any case of the extension) with the keys they decode to,
    /// and reports those that do not decode and any link found on the way (links are never followed). Folders whose
    /// name starts with a dot (<c>.git</c>, <c>.github</c>) are skipped at the mirror root, where they belong to the
    /// repository; the layout never writes such names. Other files are ignored. An absent mirror folder is empty.
    /// </summary>
    public MirrorScan Scan()
    {
        var views = new List<MirrorEntry>();
        var problems = new List<MirrorProblem>();
        if (!Directory.Exists(FullPath))
        {
            return new MirrorScan(views, problems);
        }

        EnsureNoLinks(FullPath, ".", "scan");
        var pending = new Stack<(DirectoryInfo Folder, string Prefix)>();
        pending.Push((new DirectoryInfo(FullPath), string.Empty));
        while (pending.TryPop(out var item))
        {
            foreach (var entry in item.Folder.EnumerateFileSystemInfos())
            {
                var relativePath = item.Prefix + entry.Name;
                var isFolder = entry is DirectoryInfo;
                if (isFolder && item.Prefix.Length == 0 && entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    problems.Add(new MirrorProblem(relativePath, "it is a symbolic link or junction; links are not followed"));
                }
                else if (isFolder)
                {
                    pending.Push(((DirectoryInfo)entry, relativePath + "/"));
                }
                else if (entry.Name.EndsWith(MirrorLayout.Extension, StringComparison.OrdinalIgnoreCase))
                {
                    if (MirrorLayout.TryDecode(relativePath, out var key, out var error))
                    {
                        views.Add(new MirrorEntry(relativePath, key!));
                    }
                    else
                    {
                        problems.Add(new MirrorProblem(relativePath, error!));
                    }
                }
            }
        }

        views.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        problems.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new MirrorScan(views, problems);
    }
}
