using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace LakehouseManager.DataTests.Parsing;

/// <summary>
/// Types plain YAML scalars by the YAML 1.2 core schema: <c>null</c>/<c>~</c>/empty, <c>true</c>/<c>false</c>,
/// integers (also <c>0x</c>/<c>0o</c>) and floats. Quoted scalars and <c>!!str</c> are always text, so
/// <c>"5"</c> is text and <c>5</c> a number; <c>yes</c>/<c>no</c> are text (unlike YAML 1.1).
/// </summary>
internal static partial class YamlScalarResolver
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static object? Resolve(string text, ScalarStyle style, string? tag)
    {
        if (style != ScalarStyle.Plain || tag is StringTag or "!")
        {
            return text;
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) &&
            long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return (decimal)hex;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalPattern().IsMatch(text))
        {
            try
            {
                return (decimal)Convert.ToInt64(text[2..], 8);
            }
            catch (OverflowException)
            {
                return text;
            }
        }

        if (!NumberPattern().IsMatch(text))
        {
            return text;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return exact;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate)
            ? approximate
            : text;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^0o[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalPattern();
}
