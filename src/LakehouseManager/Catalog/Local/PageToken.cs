using System.Buffers.Text;
using System.Text;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Opaque keyset-paging tokens: the listing they belong to (kind and hashes) and the last stored key returned. A
/// token is only accepted by the listing that issued it, so a token passed to the wrong call is a clear error rather
/// than a silently wrong page.
/// </summary>
internal static class PageToken
{
    private const char FieldSeparator = '\n';

    public static string Create(string listing, string lastStoredKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(listing + FieldSeparator + lastStoredKey));

    /// <summary>The last key of the previous page, or null for the first page.</summary>
    public static string? Read(string? token, string listing, string what)
    {
        if (token is null)
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid(token, what);
        }

        var separator = text.IndexOf(FieldSeparator, StringComparison.Ordinal);
        if (separator < 0 || !text.AsSpan(0, separator).SequenceEqual(listing))
        {
            throw Invalid(token, what);
        }

        return text[(separator + 1)..];
    }

    private static CatalogException Invalid(string token, string what) =>
        new(
            CatalogErrorKind.BadRequest,
            $"Invalid page token '{token}' for {what}: pass back the token returned by the previous page of the " +
            "same listing, or no token for the first page.");
}
