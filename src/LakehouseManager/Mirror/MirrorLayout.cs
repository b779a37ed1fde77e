using LakehouseManager.Naming;

namespace LakehouseManager.Mirror;

/// <summary>
/// The mapping between catalog keys and mirror file paths (relative to the mirror folder, <c>/</c>-separated):
/// <c>sales.reporting.orders_by_day</c> is <c>sales/reporting/orders_by_day.sql</c>, one folder per namespace element.
/// </summary>
/// <remarks>
/// <para>Elements that are not safe names everywhere are escaped reversibly with <c>%XX</c> (UTF-8 bytes, uppercase
/// hex): <c>/ \ : * ? " &lt; &gt; |</c>, <c>%</c>, control characters; a leading space or dot and a trailing space or
/// dot; the first letter of a Windows device name (<c>con</c> is <c>%63on</c>); the dot of a folder ending in
/// <c>.sql</c>; letters whose case mapping is irregular or expands (ſ, ı, ς, ß, titlecase digraphs). An element
/// longer than one name allows is split into nested folders, each chunk but the last ending in <c>%+</c>.</para>
/// <para>Names that a case-insensitive file system would merge are told apart by a case suffix: in a group of names
/// equal ignoring case in one folder, the all-lowercase one keeps its plain name and every other gets <c>%~</c> and the
/// hex mask of its uppercase positions, before <c>.sql</c> (<c>Orders%~1.sql</c>). So paths depend on the whole set of
/// keys (<see cref="Assign"/>), while <see cref="Decode"/> needs no context. Since <c>%</c> is always escaped,
/// <c>%+</c> and <c>%~</c> never occur otherwise.</para>
/// <para>Known limit: names are not Unicode-normalized (exact code points are kept), so on macOS two keys that differ
/// only in NFC/NFD form would share a file.</para>
/// </remarks>
internal static class MirrorLayout
{
    public const string Extension = ".sql";

    /// <summary>
    /// The path of every key, chosen together so that no two paths (and no two folders of different namespaces)
    /// collide on a case-insensitive file system. A key with no case-only sibling gets its plain path.
    /// </summary>
    public static IReadOnlyDictionary<ContentKey, string> Assign(IEnumerable<ContentKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var encoded = new Dictionary<ContentKey, List<MirrorComponent>>();
        var root = new TrieNode();
        foreach (var key in keys)
        {
            if (encoded.ContainsKey(key))
            {
                continue;
            }

            var components = MirrorEncoder.Encode(key);
            encoded.Add(key, components);
            var node = root;
            foreach (var component in components)
            {
                node = node.Child(component);
            }
        }

        root.AssignNames();
        var paths = new Dictionary<ContentKey, string>(encoded.Count);
        foreach (var (key, components) in encoded)
        {
            var names = new List<string>(components.Count);
            var node = root;
            foreach (var component in components)
            {
                names.Add(node.Names[component]);
                node = node.Children[component];
            }

            paths.Add(key, string.Join('/', names));
        }

        return paths;
    }

    /// <summary>
    /// Whether a path (relative to the mirror folder) is one the mirror may own: a <c>.sql</c> file (any case of
    /// the extension, as <see cref="MirrorFolder.Scan"/>), not inside a dot-folder at the mirror root (<c>.github</c>
    /// belongs to the repository). Other files (a README, the data tests) are not part of the mirror.
    /// </summary>
    public static bool IsMirrorFile(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var slash = relativePath.IndexOf('/', StringComparison.Ordinal);
        return relativePath.EndsWith(MirrorLayout.Extension, StringComparison.OrdinalIgnoreCase) &&
            !(slash > 0 && relativePath[0] == '.');
    }

    /// <summary>The key's path when no other key collides with it (the common case, and the original tool's layout).</summary>
    public static string EncodePlain(ContentKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Join('/', MirrorEncoder.Encode(key).Select(c => c.ToName()));
    }

    /// <summary>
    /// The key a mirror path stands for. Raises <see cref="MirrorPathException"/> when the path is not one the layout
    /// writes: not <c>.sql</c>, absolute or with <c>..</c>, a bad escape or case suffix, or not in canonical form.
    /// </summary>
    public static ContentKey Decode(string relativePath) => MirrorPathDecoder.Decode(relativePath);

    /// <summary>As <see cref="Decode"/>, returning the reason instead of raising it.</summary>
    public static bool TryDecode(string relativePath, out ContentKey? key, out string? error)
    {
        try
        {
            key = MirrorPathDecoder.Decode(relativePath);
            error = null;
            return true;
        }
        catch (MirrorPathException exception)
        {
            key = null;
            error = exception.Message;
            return false;
        }
    }

    private sealed class TrieNode
    {
        public Dictionary<MirrorComponent, TrieNode> Children { get; } = [];

        public Dictionary<MirrorComponent, string> Names { get; } = [];

        public TrieNode Child(MirrorComponent component)
        {
            if (!Children.TryGetValue(component, out var child))
            {
                child = new TrieNode();
                Children.Add(component, child);
            }

            return child;
        }

        /// <summary>Names the children of this folder, then of every folder below it.</summary>
        public void AssignNames()
        {
            var pending = new Stack<TrieNode>([this]);
            while (pending.TryPop(out var node))
            {
                var groups = node.Children.Keys.GroupBy(c => (c.Kind, Fold: MirrorCaseSuffix.Fold(c.Text)));
                foreach (var group in groups)
                {
                    var members = group.ToList();
                    foreach (var member in members)
                    {
                        var mask = members.Count == 1 ? string.Empty : MirrorCaseSuffix.Mask(member.Text);
                        node.Names[member] = member.ToName(mask.Length == 0 ? null : mask);
                    }
                }

                foreach (var child in node.Children.Values)
                {
                    pending.Push(child);
                }
            }
        }
    }
}
