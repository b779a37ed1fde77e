using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// The route table of api-facts A.2, matched against the still-encoded path under the API root, and what a handler
/// gets: the match, the query and the body, with Nessie's parsing of reference path elements and keys.
/// </summary>
public sealed partial class NessieFake
{
    private Route[]? _routes;

    private (Route? Route, Match? Match) FindRoute(string method, string apiPath)
    {
        _routes ??= BuildRoutes();
        foreach (var route in _routes)
        {
            if (!string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var match = route.Pattern.Match(apiPath);
            if (match.Success)
            {
                return (route, match);
            }
        }

        return (null, null);
    }

    private Route[] BuildRoutes()
    {
        // A ref path element (ApiDoc's REF_NAME_PATH_ELEMENT_REGEX): no '/', or anything up to an '@' (or %40) that a
        // name holding '/' must be followed by.
        static string Ref(string group) => $"(?<{group}>[^/]+|[^@]+(?:@|%40)[^@/]*)";
        return
        [
            new("GET", "config", "^config$", GetConfig),
            new("GET", "trees", "^trees$", ListReferences),
            new("POST", "trees", "^trees$", CreateReference, IsWrite: true),
            new("GET", "trees/{ref}/entries", $"^trees/{Ref("ref")}/entries$", GetEntries),
            new("GET", "trees/{ref}/contents/{key}", $"^trees/{Ref("ref")}/contents/(?<key>[^/]+)$", GetContent),
            new("GET", "trees/{ref}/contents", $"^trees/{Ref("ref")}/contents$", GetContents),
            new("POST", "trees/{ref}/contents", $"^trees/{Ref("ref")}/contents$", GetContents),
            new("GET", "trees/{from}/diff/{to}", $"^trees/{Ref("ref")}/diff/{Ref("to")}$", GetDiff),
            new("GET", "trees/{ref}/history", $"^trees/{Ref("ref")}/history$", GetHistory),
            new("POST", "trees/{ref}/history/commit", $"^trees/{Ref("ref")}/history/commit$", CommitOperations, IsWrite: true),
            new("POST", "trees/{ref}/history/merge", $"^trees/{Ref("ref")}/history/merge$", MergeReference, IsWrite: true),
            new("GET", "trees/{ref}", $"^trees/{Ref("ref")}$", GetReference),
            new("DELETE", "trees/{ref}", $"^trees/{Ref("ref")}$", DeleteReference, IsWrite: true),
        ];
    }

    /// <summary>Reads a key from a path element or query value, as the server of this spec version does.</summary>
    private ContentKey ParseKey(string encoded)
    {
        // Servers before spec 2.2.0 know only the legacy form: a leading '.' makes an empty first element there.
        var elements = NessieKeyCodec.EncodingFor(SpecVersion) == NessieKeyEncoding.Escaped
            ? DecodeEscapedAware(encoded)
            : LegacyOnly(encoded);
        var error = ContentKey.Validate(elements);
        return error is null ? ContentKey.Of(elements) : throw NessieFakeError.BadRequest($"Invalid content key '{encoded}': {error}");
    }

    private static IReadOnlyList<string> DecodeEscapedAware(string encoded)
    {
        try
        {
            return NessieKeyCodec.Decode(encoded);
        }
        catch (FormatException e)
        {
            throw NessieFakeError.BadRequest(e.Message);
        }
    }

    private static List<string> LegacyOnly(string encoded) =>
        [.. encoded.Split('.').Select(e => e.Replace('\u001D', '.').Replace('\u0000', '.'))];

    private sealed record Route(string Method, string Name, string PatternText, Func<Call, NessieFakeAnswer> Handler, bool IsWrite = false)
    {
        public Regex Pattern { get; } = new(PatternText, RegexOptions.CultureInvariant);
    }

    /// <summary>A handler's input.</summary>
    private sealed record Call(Match Match, IReadOnlyDictionary<string, IReadOnlyList<string>> Query, string Body)
    {
        /// <summary>A reference path element: name (<c>-</c> = default branch) and hash (api-facts A.3).</summary>
        public (string? Name, string? Hash) Ref(string group = "ref")
        {
            var text = Uri.UnescapeDataString(Match.Groups[group].Value);
            var at = text.IndexOf('@', StringComparison.Ordinal);
            var name = at < 0 ? text : text[..at];
            var hash = at < 0 ? null : text[(at + 1)..];
            if (hash is not null && hash.Length > 0 && !RefName.IsHash(hash))
            {
                throw NessieFakeError.BadRequest(
                    $"Illegal hash '{hash}' in reference '{text}': relative commit specs (~N, ^N, *T) are not served by this fake.");
            }

            if (name.Length > 0 && name != "-" && RefName.ValidateForNessie(name) is not null)
            {
                throw NessieFakeError.BadRequest(
                    $"Reference name must start with a letter, followed by letters, digits, one of the ./_- characters, " +
                    $"not end with a slash or dot, not contain '..' - but was: {name}");
            }

            return (name.Length == 0 ? null : name, string.IsNullOrEmpty(hash) ? null : hash);
        }

        public string? Single(string name) => Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

        public IReadOnlyList<string> All(string name) => Query.TryGetValue(name, out var values) ? values : [];

        public bool Flag(string name) => string.Equals(Single(name), "true", StringComparison.OrdinalIgnoreCase);

        public int? Int(string name) =>
            Single(name) is { } text
                ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw NessieFakeError.BadRequest($"'{name}' must be a number, but was '{text}'")
                : null;

        public JsonDocument Json()
        {
            if (string.IsNullOrWhiteSpace(Body))
            {
                throw NessieFakeError.BadRequest("A request body is required.");
            }

            return JsonDocument.Parse(Body);
        }
    }
}
