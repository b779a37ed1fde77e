using System.Globalization;
using System.Text;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// JSON arrays of keys or ids for SQLite's <c>json_each</c>, which turns one bound parameter into a table: the way one
/// statement looks up a whole batch. Strings keep their characters; only what JSON must escape is escaped.
/// </summary>
internal static class JsonText
{
    public static string Array(IEnumerable<string> values)
    {
        var json = new StringBuilder("[");
        foreach (var value in values)
        {
            json.Append(json.Length > 1 ? ",\"" : "\"");
            foreach (var c in value)
            {
                _ = c switch
                {
                    '"' or '\\' => json.Append('\\').Append(c),
                    < ' ' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                    _ => json.Append(c),
                };
            }

            json.Append('"');
        }

        return json.Append(']').ToString();
    }

    public static string Array(IEnumerable<long> values) =>
        "[" + string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";
}
