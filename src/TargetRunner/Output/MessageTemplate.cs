using System.Collections;
using System.Globalization;
using System.Text;

namespace TargetRunner.Output;

/// <summary>
/// Renders Serilog-style message templates (<c>"Copied {Count} files to {Path}"</c>) by position, so calls written
/// for Nuke's <c>Serilog.Log</c> read the same here. <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
internal static class MessageTemplate
{
    public static string Render(string template, object?[]? values)
    {
        if (values is null || values.Length == 0 || !template.Contains('{', StringComparison.Ordinal))
        {
            return template.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
        }

        var builder = new StringBuilder(template.Length);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                builder.Append(c);
                i++;
                continue;
            }

            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0 || next >= values.Length)
            {
                builder.Append(c);
                continue;
            }

            var hole = template[(i + 1)..close];
            var colon = hole.IndexOf(':', StringComparison.Ordinal);
            builder.Append(Format(values[next++], colon >= 0 ? hole[(colon + 1)..] : null));
            i = close;
        }

        return builder.ToString();
    }

    private static string Format(object? value, string? format) => value switch
    {
        null => "null",
        string text => text,
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(i => Format(i, format))) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
