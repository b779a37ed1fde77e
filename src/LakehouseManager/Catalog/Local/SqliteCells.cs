using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Normalises SQLite values to the cell types the query-engine port promises (null, bool, long, double, decimal,
/// string), using the column's declared type where SQLite's storage classes lose it: BOOLEAN columns hold 0/1, and
/// DECIMAL/NUMERIC columns hold integers or doubles that tests compare as decimals.
/// </summary>
internal static class SqliteCells
{
    public static object? Read(SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var declared = reader.GetDataTypeName(ordinal).ToUpperInvariant();
        var value = reader.GetValue(ordinal);
        return value switch
        {
            long l when declared.Contains("BOOL", StringComparison.Ordinal) => l != 0,
            long l when IsDecimal(declared) => (decimal)l,
            double d when IsDecimal(declared) && Math.Abs(d) < 7.9e28 => (decimal)d,
            long or double or string => value,
            byte[] bytes => Convert.ToHexString(bytes),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    private static bool IsDecimal(string declared) =>
        declared.Contains("DEC", StringComparison.Ordinal) || declared.Contains("NUMERIC", StringComparison.Ordinal) ||
        declared.Contains("MONEY", StringComparison.Ordinal);
}
