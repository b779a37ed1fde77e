using LakehouseManager.Naming;

namespace LakehouseManager.Mirror;

public sealed partial class MirrorFolder
{
    /// <summary>
    /// The current files of a few keys, for an incremental sync: each is looked for at its plain path (the one it has
    /// when no other name collides with it), listing only the folders on the way. Returns null when any entry on the way
    /// is equal ignoring case (or case suffix) to one of the keys' names but not identical: a case-only collision is in
    /// play there, and only <see cref="Scan"/> with <see cref="MirrorLayout.Assign"/> over the whole mirror can place
    /// the files. The cost grows with the number of keys, not with the size of the mirror.
    /// </summary>
    public MirrorScan? TryScanPlain(IEnumerable<ContentKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var listings = new Dictionary<string, ILookup<string, string>>(StringComparer.Ordinal);
        var views = new List<MirrorEntry>();
        foreach (var key in keys)
        {
            var components = MirrorEncoder.Encode(key);
            var folder = string.Empty;
            for (var i = 0; i < components.Count; i++)
            {
                var name = components[i].ToName();
                var matches = Listing(folder, listings)[MirrorCaseSuffix.Fold(name)].ToList();
                if (matches.Any(m => m != name))
                {
                    return null;
                }

                if (matches.Count == 0)
                {
                    break;
                }

                if (i == components.Count - 1)
                {
                    views.Add(new MirrorEntry(folder + name, key));
                }

                folder += name + "/";
            }
        }

        views.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new MirrorScan(views, []);
    }

    /// <summary>The entries of one folder, looked up by their case-folded name without case suffix.</summary>
    private ILookup<string, string> Listing(string folder, Dictionary<string, ILookup<string, string>> listings)
    {
        if (!listings.TryGetValue(folder, out var listing))
        {
            // The folder is made of names the encoder wrote (no '..', no separators), so it stays inside; links are
            // still refused, as everywhere else.
            var full = Path.Combine(FullPath, folder.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar));
            if (folder.Length > 0)
            {
                EnsureNoLinks(full, folder, "scan");
            }

            listing = (Directory.Exists(full) ? Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName) : [])
                .OfType<string>()
                .ToLookup(name => MirrorCaseSuffix.Fold(MirrorCaseSuffix.Strip(name)), StringComparer.Ordinal);
            listings.Add(folder, listing);
        }

        return listing;
    }
}
