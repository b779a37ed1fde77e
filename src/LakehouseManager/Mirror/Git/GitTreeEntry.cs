namespace LakehouseManager.Mirror.Git;

/// <summary>A file of a commit's tree, as <c>git ls-tree -r</c> lists it: its path and its mode.</summary>
/// <param name="Path">The path from the repository root, <c>/</c>-separated.</param>
/// <param name="Mode">git's mode: <c>100644</c>, <c>100755</c> (files), <c>120000</c> (a symbolic link),
/// <c>160000</c> (a submodule).</param>
public sealed record GitTreeEntry(string Path, string Mode)
{
    /// <summary>Whether the entry is a symbolic link.</summary>
    public bool IsLink => Mode == "120000";

    /// <summary>Whether the entry is a regular file (executable or not).</summary>
    public bool IsFile => Mode is "100644" or "100755";

    /// <summary>One record of <c>ls-tree -z</c>: <c>&lt;mode&gt; SP &lt;type&gt; SP &lt;object&gt; TAB &lt;path&gt;</c>.</summary>
    internal static GitTreeEntry Parse(string record)
    {
        var tab = record.IndexOf('\t', StringComparison.Ordinal);
        var space = record.IndexOf(' ', StringComparison.Ordinal);
        if (tab < 0 || space < 0 || space > tab)
        {
            throw new FormatException($"git ls-tree wrote a line this version cannot read: '{record}'.");
        }

        return new GitTreeEntry(record[(tab + 1)..], record[..space]);
    }
}
