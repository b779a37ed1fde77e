using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// How a <see cref="ContentKey"/> is stored: its elements joined by U+001F. Elements never hold control characters,
/// so U+001F sorts below every element character and SQLite's byte order of the stored text is the element-wise order.
/// </summary>
internal static class StorageKey
{
    public const char Separator = '\u001F';

    /// <summary>Orders stored keys as SQLite's BINARY collation does (UTF-8 bytes, that is code points).</summary>
    public static readonly IComparer<string> Order = Comparer<string>.Create(CompareByCodePoint);

    public static string Encode(ContentKey key) => string.Join(Separator, key.Elements);

    public static ContentKey Decode(string stored) => ContentKey.Of(stored.Split(Separator));

    /// <summary>
    /// Code-point order. It equals UTF-16 ordinal order except that supplementary characters (surrogate pairs) sort
    /// after U+E000..U+FFFF, as they do in UTF-8, so that paging in SQL and sorting in memory agree.
    /// </summary>
    public static int CompareByCodePoint(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        var count = Math.Min(left.Length, right.Length);
        for (var i = 0; i < count; i++)
        {
            var a = left[i];
            var b = right[i];
            if (a == b)
            {
                continue;
            }

            var aSurrogate = char.IsSurrogate(a);
            if (aSurrogate != char.IsSurrogate(b))
            {
                return aSurrogate ? 1 : -1;
            }

            return a < b ? -1 : 1;
        }

        return left.Length.CompareTo(right.Length);
    }
}
