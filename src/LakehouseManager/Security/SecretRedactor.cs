using System.Text.Encodings.Web;
using System.Text.Json;
using LakehouseManager.Reporting;

namespace LakehouseManager.Security;

/// <summary>
/// Masks the run's secrets (the Dremio PAT, credentials inside URLs, AWS keys from the environment) in text the tool
/// writes: every artifact goes through it (<see cref="IO.AtomicFile"/>), as do the library's log lines and the
/// messages of the errors a use case raises. A secret is also found in the forms the writers give it: escaped in JSON,
/// XML and markdown, and percent-encoded in a URL.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Shorter values are not taken for secrets: masking them would mangle ordinary text.</summary>
    public const int MinLength = 4;

    private readonly Lock _gate = new();
    private volatile Known _known;

    /// <param name="secrets">The secrets; null, blank and too short values are ignored, surrounding whitespace trimmed.</param>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _known = Known.Of(secrets);
    }

    /// <summary>A redactor that knows no secret (and learns none).</summary>
    public static SecretRedactor None => new([]);

    /// <summary>The secrets, as given (trimmed).</summary>
    public IReadOnlyList<string> Secrets => _known.Secrets;

    /// <summary>
    /// Adds a secret the run learned after it started (the PAT read from Secrets Manager): from now on it is masked
    /// wherever this redactor is used.
    /// </summary>
    public void Learn(string? secret)
    {
        lock (_gate)
        {
            _known = Known.Of(_known.Secrets.Append(secret));
        }
    }

    /// <summary>Whether the text holds a secret, in any of its forms.</summary>
    public bool Reveals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _known.SearchForms.Any(f => text.Contains(f, StringComparison.Ordinal));
    }

    /// <summary>The text with every form of every secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var form in _known.SearchForms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>A redactor that also knows <paramref name="more"/>.</summary>
    public SecretRedactor With(IEnumerable<string?> more) => new(Secrets.Concat(more ?? []));

    /// <summary>
    /// The parts of a URL that may hold a credential: the password (or the user name when there is no password, as in
    /// <c>https://TOKEN@host</c>), every query value, and the fragment, both as written and decoded. Names (the user
    /// before a password, <c>token</c> in <c>?token=</c>) are not secrets. Empty for a URL without them, or no URL.
    /// </summary>
    public static IReadOnlyList<string> InUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return [];
        }

        var parts = new List<string>();
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            parts.Add(colon < 0 ? uri.UserInfo : uri.UserInfo[(colon + 1)..]);
        }

        var query = uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            parts.AddRange(query.Split('&').Select(p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]));
        }

        if (uri.Fragment.Length > 1)
        {
            parts.Add(uri.Fragment[1..]);
        }

        return [.. parts.SelectMany(p => new[] { p, Uri.UnescapeDataString(p) }).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        yield return JsonEncodedText.Encode(secret).Value;
        yield return MarkdownText.Escape(secret);
        yield return MarkdownText.Html(secret);
        yield return secret.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
        yield return Uri.EscapeDataString(secret);
    }

    /// <summary>The secrets and every form they are searched in, longest first; replaced whole when one is learned.</summary>
    private sealed record Known(string[] Secrets, string[] SearchForms)
    {
        public static Known Of(IEnumerable<string?> secrets)
        {
            string[] found = [.. secrets.Select(s => s?.Trim()).OfType<string>().Where(s => s.Length >= MinLength).Distinct(StringComparer.Ordinal)];
            return new Known(
                found,
                [.. found.SelectMany(Forms).Where(f => f.Length >= MinLength).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)]);
        }
    }
}
