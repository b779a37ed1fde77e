using System.Text;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// The string forms of a content key in paths (<c>contents/{key}</c>) and query parameters (<c>key</c>,
/// <c>prefix-key</c>, ...): written by the client and read by the fake, so both sides share one definition. Pure.
/// </summary>
/// <remarks>
/// Behaviour taken from projectnessie/nessie <c>api/model/src/main/java/org/projectnessie/model/Util.java</c>
/// (<c>toPathString</c>, <c>toPathStringEscaped</c>, <c>fromPathString</c>) and <c>api/NESSIE-SPEC-2-0.md</c>.
/// The server's parser reads the legacy form and switches to the escaped parser at the first <c>.</c> that starts an
/// element, re-reading the whole string from its second character while keeping the elements already read; this
/// codec's <see cref="Decode"/> does the same, quirks included, so the fake answers as Nessie does.
/// </remarks>
internal static class NessieKeyCodec
{
    private const char GroupSeparator = '\u001D';
    private const char ZeroByte = '\u0000';

    /// <summary>The first spec version whose servers read the escaped form (Nessie 0.96.0).</summary>
    public static readonly Version EscapedSince = new(2, 2, 0);

    /// <summary>
    /// The encoding to use with a server of <paramref name="specVersion"/> (<c>GET /config</c>'s <c>specVersion</c>):
    /// escaped from 2.2.0, legacy before and when the server does not say (a 2.0.0-beta server).
    /// </summary>
    public static NessieKeyEncoding EncodingFor(string? specVersion)
    {
        if (string.IsNullOrWhiteSpace(specVersion))
        {
            return NessieKeyEncoding.Legacy;
        }

        // "2.2.0", "2.1.3", and pre-release forms such as "2.0.0-beta.1": compare the numeric prefix only.
        var numeric = specVersion.Trim().Split('-', '+')[0];
        return Version.TryParse(numeric, out var version) && version >= EscapedSince
            ? NessieKeyEncoding.Escaped
            : NessieKeyEncoding.Legacy;
    }

    /// <summary>The key in the given encoding (not URL-encoded: the caller escapes it as a path or query value).</summary>
    public static string Encode(ContentKey key, NessieKeyEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Encode(key.Elements, encoding);
    }

    /// <summary>The elements in the given encoding.</summary>
    public static string Encode(IReadOnlyList<string> elements, NessieKeyEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return encoding == NessieKeyEncoding.Escaped && elements.Any(NeedsEscaping)
            ? EncodeEscaped(elements)
            : EncodeLegacy(elements);
    }

    /// <summary>
    /// Reads a key string as a Nessie server does (either form). Throws <see cref="FormatException"/> with Nessie's
    /// own message for an illegal escape (<c>*x</c>) or a <c>*</c> at the very end, which the server answers with 400.
    /// The elements are not validated as a key (empty elements are possible, as on the server).
    /// </summary>
    public static IReadOnlyList<string> Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var elements = new List<string>();
        var element = new StringBuilder();
        foreach (var c in encoded)
        {
            switch (c)
            {
                case '.' when element.Length == 0:
                    // A dot where an element starts: the escaped syntax (in practice the string starts with '.').
                    return DecodeEscaped(elements, encoded);
                case '.':
                    elements.Add(element.ToString());
                    element.Clear();
                    break;
                case GroupSeparator or ZeroByte:
                    element.Append('.');
                    break;
                default:
                    element.Append(c);
                    break;
            }
        }

        if (element.Length > 0)
        {
            elements.Add(element.ToString());
        }

        return elements;
    }

    private static bool NeedsEscaping(string element) => element.AsSpan().IndexOfAny("./\\%") >= 0;

    private static string EncodeLegacy(IReadOnlyList<string> elements)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < elements.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            foreach (var c in elements[i])
            {
                builder.Append(c is '.' or ZeroByte ? GroupSeparator : c);
            }
        }

        return builder.ToString();
    }

    private static string EncodeEscaped(IReadOnlyList<string> elements)
    {
        var builder = new StringBuilder();
        foreach (var element in elements)
        {
            builder.Append('.');
            foreach (var c in element)
            {
                builder.Append(c switch
                {
                    '.' => "*.",
                    '/' => "*{",
                    '\\' => "*}",
                    '%' => "*[",
                    '*' => "**",
                    _ => c.ToString(),
                });
            }
        }

        return builder.ToString();
    }

    private static List<string> DecodeEscaped(List<string> elements, string encoded)
    {
        var element = new StringBuilder();
        for (var i = 1; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '.')
            {
                elements.Add(element.ToString());
                element.Clear();
                continue;
            }

            if (c != '*')
            {
                element.Append(c);
                continue;
            }

            i++;
            if (i == encoded.Length)
            {
                throw new FormatException($"Illegal escaping sequence at the end of encoded path: {encoded}");
            }

            element.Append(encoded[i] switch
            {
                '.' => '.',
                '{' => '/',
                '}' => '\\',
                '[' => '%',
                '*' => '*',
                var other => throw new FormatException($"Illegal escaping sequence *{other} in encoded path: {encoded}"),
            });
        }

        if (element.Length > 0)
        {
            elements.Add(element.ToString());
        }

        return elements;
    }
}
