using System.Globalization;
using System.Text.Json;

namespace TargetRunner.Parameters;

/// <summary>
/// The values of <c>.nuke/parameters.json</c>, overlaid in order by <c>.nuke/parameters.&lt;profile&gt;.json</c> for
/// each <c>--profile</c>. Keys are member names (PascalCase; compared leniently).
/// </summary>
internal sealed class ParameterFiles
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    public static ParameterFiles Load(string rootDirectory, IReadOnlyList<string> profiles)
    {
        var files = new ParameterFiles();
        var nukeDirectory = Path.Combine(rootDirectory, ".nuke");
        var defaultFile = Path.Combine(nukeDirectory, "parameters.json");
        if (File.Exists(defaultFile))
        {
            files.Add(defaultFile, ".nuke/parameters.json");
        }

        foreach (var profile in profiles)
        {
            var file = Path.Combine(nukeDirectory, $"parameters.{profile}.json");
            if (!File.Exists(file))
            {
                throw new BuildException(
                    $"Profile '{profile}' does not exist: '.nuke/parameters.{profile}.json' was not found under '{rootDirectory}'.");
            }

            files.Add(file, $".nuke/parameters.{profile}.json");
        }

        return files;
    }

    public bool TryGet(string name, out IReadOnlyList<string> values, out string source)
    {
        var key = NameFormat.Normalize(name);
        if (_entries.TryGetValue(key, out var entry))
        {
            _consumed.Add(key);
            values = entry.Values;
            source = entry.Source;
            return true;
        }

        values = [];
        source = string.Empty;
        return false;
    }

    /// <summary>Keys that no parameter claimed, as "<c>Key</c> in <c>file</c>".</summary>
    public IEnumerable<string> Unconsumed =>
        _entries.Where(e => !_consumed.Contains(e.Key)).Select(e => $"'{e.Value.Key}' in {e.Value.Source}");

    private void Add(string path, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException exception)
        {
            // The reader's message ends with " LineNumber: 2 | BytePositionInLine: 0."; the line is said in front instead.
            var message = exception.Message;
            var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new BuildException(
                $"{source} is not valid JSON at line {(exception.LineNumber ?? 0) + 1}: {(tail < 0 ? message : message[..tail])}",
                exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BuildException($"{source} must contain a JSON object of parameter names and values.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith('$'))
                {
                    continue;
                }

                var key = NameFormat.Normalize(property.Name);
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    _entries.Remove(key);
                    continue;
                }

                _entries[key] = new Entry(property.Name, ToValues(property.Value, source, property.Name), source);
            }
        }
    }

    private static List<string> ToValues(JsonElement value, string source, string key) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(e => ToText(e, source, key)).ToList(),
        _ => [ToText(value, source, key)],
    };

    private static string ToText(JsonElement value, string source, string key) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => bool.TrueString.ToLower(CultureInfo.InvariantCulture),
        JsonValueKind.False => bool.FalseString.ToLower(CultureInfo.InvariantCulture),
        _ => throw new BuildException($"'{key}' in {source} must be a string, number, boolean or an array of them."),
    };

    private sealed record Entry(string Key, List<string> Values, string Source);
}
