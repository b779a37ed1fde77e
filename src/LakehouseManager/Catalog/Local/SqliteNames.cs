using System.Text;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// The SQLite name of a data table or an instantiated view: the key's elements joined by dots (<c>shop.raw.orders</c>),
/// a dot or backslash inside an element escaped with a backslash so that the mapping stays reversible.
/// </summary>
internal static class SqliteNames
{
    public static string ToSqliteName(ContentKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var builder = new StringBuilder();
        foreach (var element in key.Elements)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            foreach (var c in element)
            {
                if (c is '.' or '\\')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The key a SQLite name stands for, or null when it is not a valid mapped name.</summary>
    public static ContentKey? TryParse(string sqliteName)
    {
        ArgumentNullException.ThrowIfNull(sqliteName);
        var elements = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < sqliteName.Length; i++)
        {
            var c = sqliteName[i];
            if (c == '\\')
            {
                if (i + 1 >= sqliteName.Length || sqliteName[i + 1] is not ('.' or '\\'))
                {
                    return null;
                }

                current.Append(sqliteName[++i]);
            }
            else if (c == '.')
            {
                elements.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        elements.Add(current.ToString());
        return ContentKey.Validate(elements) is null ? ContentKey.Of(elements) : null;
    }

    /// <summary>The name as a SQLite quoted identifier.</summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
