using System.Diagnostics;
using System.Net.Http.Headers;

namespace LakehouseManager.Http;

/// <summary>
/// A secret sent as <c>Authorization: Bearer &lt;token&gt;</c> (a Dremio personal access token). The value never leaves
/// this type except as the header: <see cref="ToString"/>, the debugger and every error message show <c>***</c>.
/// </summary>
[DebuggerDisplay("BearerToken(***)")]
internal sealed class BearerToken
{
    /// <summary>What replaces the secret wherever text might contain it.</summary>
    public const string Mask = "***";

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string _value;

    /// <param name="value">The token; surrounding whitespace (a trailing newline from a file or secret) is ignored.</param>
    /// <param name="what">How the error names the token's source, e.g. "the Dremio PAT (--dremio-pat)".</param>
    public BearerToken(string? value, string what = "the Dremio personal access token")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new LakehouseException(
                $"{Capitalize(what)} is empty: pass it with --dremio-pat or the DREMIO_PAT environment variable.");
        }

        // A token with a control character or inner whitespace would break the header; HttpClient's own error for
        // that would quote the header value, so refuse it here without showing it.
        if (trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new LakehouseException(
                $"{Capitalize(what)} contains whitespace or control characters; check that the whole token, and only " +
                "the token, was copied.");
        }

        _value = trimmed;
    }

    /// <summary>The header that carries the token.</summary>
    internal AuthenticationHeaderValue ToAuthorizationHeader() => new("Bearer", _value);

    /// <summary>Replaces every occurrence of the token in text that came from elsewhere (a server's error body).</summary>
    public string Redact(string text) =>
        text.Contains(_value, StringComparison.Ordinal) ? text.Replace(_value, Mask, StringComparison.Ordinal) : text;

    /// <summary>Always <c>***</c>: a token must not reach a log or an exception through string formatting.</summary>
    public override string ToString() => Mask;

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
