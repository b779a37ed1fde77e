using System.Globalization;
using System.Text;
using System.Xml;

namespace LakehouseManager.Reporting;

/// <summary>Makes arbitrary text (engine messages, cell values) safe to put in an XML 1.0 document.</summary>
internal static class XmlSafeText
{
    /// <summary>
    /// Replaces the characters XML 1.0 cannot hold at all, even escaped (control characters other than tab and line
    /// breaks, lone surrogates, U+FFFE/U+FFFF), with a visible <c>\uXXXX</c>, so the value is still readable and the
    /// document stays valid. Markup characters (&lt; &amp; quotes) are left to the XML writer to escape.
    /// </summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }

        return builder?.ToString() ?? text;
    }
}
