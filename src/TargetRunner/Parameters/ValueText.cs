using System.Globalization;

namespace TargetRunner.Parameters;

/// <summary>
/// How a parameter's value is shown in the debug log and in error messages: <c>'text'</c>, <c>4</c>, <c>[a, b]</c>. A
/// URL never shows its user name, password, query or fragment (a token hides there as often as in a secret
/// parameter): <c>'https://***@host/path?***'</c>.
/// </summary>
internal static class ValueText
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => $"'{WithoutCredentials(text)}'",
        bool flag => flag ? "true" : "false",
        Array array => "[" + string.Join(", ", array.Cast<object?>().Select(Format)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string WithoutCredentials(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.IsFile ||
            (uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0))
        {
            return text;
        }

        var user = uri.UserInfo.Length > 0 ? "***@" : string.Empty;
        var query = uri.Query.Length > 0 ? "?***" : string.Empty;
        var fragment = uri.Fragment.Length > 0 ? "#***" : string.Empty;
        return $"{uri.Scheme}://{user}{uri.Authority}{uri.AbsolutePath}{query}{fragment}";
    }
}
