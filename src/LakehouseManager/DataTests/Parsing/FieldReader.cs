namespace LakehouseManager.DataTests.Parsing;

/// <summary>
/// Reads the fields of one object against the fields it may have. Unknown and repeated fields are errors: a typo such
/// as <c>expcet</c> must not silently drop a check. The original JSON format is the exception: the original tool
/// ignored fields it did not read, so files that carry extra fields keep working, with a warning.
/// </summary>
internal sealed class FieldReader
{
    private readonly Dictionary<string, SourceEntry> _fields = new(StringComparer.Ordinal);
    private readonly ParseScope _scope;

    /// <param name="mapping">The object.</param>
    /// <param name="what">What the object is, for messages: "a test", "'expect.scalar'".</param>
    /// <param name="valid">The fields it may have, in the order the docs list them.</param>
    /// <param name="scope">Where messages go.</param>
    /// <param name="noun">"field" or, for <c>expect</c>, "expectation".</param>
    /// <param name="unknownIsWarning">Whether an unknown field is only warned about and ignored.</param>
    public FieldReader(SourceMapping mapping, string what, IReadOnlyList<string> valid, ParseScope scope,
        string noun = "field", bool unknownIsWarning = false)
    {
        _scope = scope;
        foreach (var entry in mapping.Entries)
        {
            if (!valid.Contains(entry.Key, StringComparer.Ordinal) && unknownIsWarning)
            {
                scope.Warning(entry.Line,
                    $"ignored unknown {noun} '{entry.Key}' in {what}; the format reads: {string.Join(", ", valid)}");
            }
            else if (!valid.Contains(entry.Key, StringComparer.Ordinal))
            {
                var guess = Suggest(entry.Key, valid);
                scope.Error(entry.Line,
                    $"unknown {noun} '{entry.Key}' in {what}" + (guess is null ? string.Empty : $" (did you mean '{guess}'?)") +
                    $"; valid {noun}s are: {string.Join(", ", valid)}");
            }
            else if (_fields.TryGetValue(entry.Key, out var first))
            {
                scope.Error(entry.Line, $"{noun} '{entry.Key}' appears twice in {what} (lines {first.Line} and {entry.Line})");
            }
            else
            {
                _fields[entry.Key] = entry;
            }
        }
    }

    public ParseScope Scope => _scope;

    /// <summary>The known fields present, in the order of <c>keys</c>.</summary>
    public IReadOnlyList<SourceEntry> Present(IEnumerable<string> keys) =>
        keys.Where(_fields.ContainsKey).Select(k => _fields[k]).ToList();

    public SourceEntry? Get(string key) => _fields.GetValueOrDefault(key);

    /// <summary>A required field; reports it missing (at the object's line) and returns null when it is absent.</summary>
    public SourceEntry? Require(string key, int objectLine, string hint)
    {
        var entry = Get(key);
        if (entry is null)
        {
            _scope.Error(objectLine, $"missing field '{key}' ({hint})");
        }

        return entry;
    }

    /// <summary>The closest valid name within two edits, for "did you mean".</summary>
    private static string? Suggest(string key, IReadOnlyList<string> valid) =>
        valid.Select(v => (Name: v, Distance: Distance(key.ToLowerInvariant(), v)))
            .Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance)
            .Select(x => x.Name)
            .FirstOrDefault();

    /// <summary>Optimal string alignment distance: a swap of two letters ("expcet") counts as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
