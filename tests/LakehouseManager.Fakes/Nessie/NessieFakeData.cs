using System.Text;
using System.Text.RegularExpressions;
using LakehouseManager.Fakes.Dremio;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// Data for the Dremio fake's queries on the Nessie fake's views, so that data tests can run against it by hand: data
/// tables in an in-memory SQLite database, and <c>SELECT</c>/<c>WITH</c> queries answered by SQLite after each
/// <c>source.ns.view</c> they name is replaced by that view's SQL at the version the query pins (its
/// <c>references</c>, else the default branch), recursively. Only what a data test needs; SQLite's dialect, not
/// Dremio's. Seeded with <c>lake.raw.orders</c>, the table the seeded views read.
/// </summary>
public sealed partial class NessieFakeData : IDisposable
{
    private const int MaxDepth = 16;
    private readonly SqliteConnection _keeper;
    private readonly string _connectionString;
    private readonly HashSet<string> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();

    public NessieFakeData()
    {
        _connectionString = $"Data Source=nessie-fake-data-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keeper = new SqliteConnection(_connectionString);
        _keeper.Open();
    }

    /// <summary>
    /// <c>lake.raw.orders</c>: <paramref name="rows"/> orders (order_id, customer_id, amount, region_id, status,
    /// country), deterministic; every 10th order is a refund with a negative amount, every 7th is cancelled.
    /// </summary>
    public NessieFakeData WithOrders(int rows = 1000)
    {
        Execute("""CREATE TABLE "lake.raw.orders" (order_id INTEGER, customer_id INTEGER, amount REAL, region_id INTEGER, status TEXT, country TEXT)""");
        using var transaction = _keeper.BeginTransaction();
        using var insert = _keeper.CreateCommand();
        insert.CommandText = """INSERT INTO "lake.raw.orders" VALUES ($id, $customer, $amount, $region, $status, $country)""";
        string[] countries = ["DE", "FR", "NL", "US", "JP"];
        for (var i = 1; i <= rows; i++)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$id", i);
            insert.Parameters.AddWithValue("$customer", 1 + (i * 7 % 97));
            insert.Parameters.AddWithValue("$amount", i % 10 == 0 ? -(i % 50 + 5) : i % 500 + 10.5);
            insert.Parameters.AddWithValue("$region", i % 17);
            insert.Parameters.AddWithValue("$status", i % 7 == 0 ? "cancelled" : "completed");
            insert.Parameters.AddWithValue("$country", countries[i % countries.Length]);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        lock (_gate)
        {
            _tables.Add("lake.raw.orders");
        }

        return this;
    }

    /// <summary>
    /// The answer to a query that reads data, or null for anything else (DDL, SHOW, INFORMATION_SCHEMA). Views are
    /// looked up with <paramref name="lookup"/> (path under the source, version type, version value).
    /// </summary>
    public DremioFakeOutcome? Answer(
        DremioFakeQuery query, string source, Func<IReadOnlyList<string>, string?, string?, DremioFakeCatalogView> lookup)
    {
        var sql = query.Sql.Trim().TrimEnd(';');
        if (!ReadsData().IsMatch(sql) || sql.Contains("INFORMATION_SCHEMA", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var pinned = query.References.TryGetValue(source, out var reference) ? reference : null;
        var views = new List<(string Name, string Sql)>();
        try
        {
            var translated = Translate(sql, source, pinned, lookup, views, depth: 0);
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            foreach (var (name, body) in views)
            {
                using var create = connection.CreateCommand();
                create.CommandText = $"CREATE TEMP VIEW \"{name}\" AS {body}";
                create.ExecuteNonQuery();
            }

            using var command = connection.CreateCommand();
            command.CommandText = translated;
            using var reader = command.ExecuteReader();
            var rows = new List<IReadOnlyList<object?>>();
            var types = new string?[reader.FieldCount];
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    types[i] ??= row[i] switch { long => "BIGINT", double => "DOUBLE", null => null, _ => "VARCHAR" };
                }

                rows.Add(row);
            }

            var columns = Enumerable.Range(0, reader.FieldCount)
                .Select(i => new DremioFakeColumn(reader.GetName(i), types[i] ?? "VARCHAR")).ToList();
            return DremioFakeOutcome.Rows(DremioFakeResult.FromRows(columns, [.. rows]));
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            return DremioFakeOutcome.Fails($"The query failed in the fake's SQLite: {e.Message}");
        }
    }

    public void Dispose() => _keeper.Dispose();

    /// <summary>Replaces every dotted name of a view under the source by a temporary view of its SQL, and every data table by its quoted name.</summary>
    private string Translate(
        string sql, string source, DremioFakeReference? pinned,
        Func<IReadOnlyList<string>, string?, string?, DremioFakeCatalogView> lookup, List<(string Name, string Sql)> views, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException("The views reference each other too deeply (a cycle?).");
        }

        var result = new StringBuilder();
        var position = 0;
        foreach (Match match in Token().Matches(sql))
        {
            result.Append(sql, position, match.Index - position);
            position = match.Index + match.Length;
            if (match.Groups["string"].Success)
            {
                result.Append(match.Value);
                continue;
            }

            var elements = Part().Matches(match.Value).Select(p => p.Value.StartsWith('"') ? p.Value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : p.Value).ToList();
            var dotted = string.Join('.', elements);
            bool isTable;
            lock (_gate)
            {
                isTable = _tables.Contains(dotted);
            }

            if (isTable)
            {
                result.Append('"').Append(dotted).Append('"');
            }
            else if (elements.Count > 1 && elements[0] == source)
            {
                var view = lookup(elements[1..], pinned?.Type, pinned?.Value);
                if (view.State != DremioFakeViewState.Found)
                {
                    throw new InvalidOperationException(view.ErrorMessage ?? $"Object '{dotted}' not found within '{source}'");
                }

                var name = $"v{views.Count}_{elements[^1]}";
                views.Add((name, Translate(view.Sql!, source, pinned, lookup, views, depth + 1)));
                result.Append('"').Append(name).Append('"');
            }
            else
            {
                result.Append(match.Value);
            }
        }

        result.Append(sql, position, sql.Length - position);
        return result.ToString();
    }

    private void Execute(string sql)
    {
        using var command = _keeper.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"^\s*(SELECT|WITH)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadsData();

    /// <summary>A string literal (kept as it is), or a chain of names joined by dots.</summary>
    [GeneratedRegex(@"(?<string>'(?:[^']|'')*')|(?:""(?:[^""]|"""")+""|[A-Za-z_][A-Za-z0-9_$]*)(?:\s*\.\s*(?:""(?:[^""]|"""")+""|[A-Za-z_][A-Za-z0-9_$]*))*", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"""(?:[^""]|"""")+""|[A-Za-z_][A-Za-z0-9_$]*", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
