using System.Collections.Immutable;
using System.Text;

namespace LakehouseManager.Naming;

/// <summary>
/// The key of a catalog entry, Nessie-shaped: a list of elements, the last one the entry's name and the others its
/// namespace (<c>["sales","reporting","orders_by_day"]</c>). Equality is ordinal, element by element.
/// </summary>
public sealed class ContentKey : IEquatable<ContentKey>, IComparable<ContentKey>
{
    /// <summary>Nessie's limits (ContentKey.java): at most 20 elements and 500 characters in all.</summary>
    public const int MaxElements = 20;

    public const int MaxTotalLength = 500;

    private ContentKey(ImmutableArray<string> elements)
    {
        Elements = elements;
    }

    public ImmutableArray<string> Elements { get; }

    /// <summary>The entry's own name: the last element.</summary>
    public string Name => Elements[^1];

    /// <summary>The namespace elements: all but the last.</summary>
    public ImmutableArray<string> Namespace => Elements.RemoveAt(Elements.Length - 1);

    /// <summary>Builds a key, checking Nessie's rules; the message names the key and the rule it breaks.</summary>
    public static ContentKey Of(IEnumerable<string> elements)
    {
        var array = elements.ToImmutableArray();
        var error = Validate(array);
        if (error is not null)
        {
            throw new LakehouseException($"Invalid catalog key {Describe(array)}: {error}");
        }

        return new ContentKey(array);
    }

    public static ContentKey Of(params string[] elements) => Of((IEnumerable<string>)elements);

    /// <summary>Returns why the elements do not make a valid key, or null when they do.</summary>
    public static string? Validate(IReadOnlyList<string> elements)
    {
        if (elements.Count == 0)
        {
            return "a key needs at least one element";
        }

        if (elements.Count > MaxElements)
        {
            return $"a key has at most {MaxElements} elements, this one has {elements.Count}";
        }

        var total = 0;
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            if (string.IsNullOrEmpty(element))
            {
                return $"element {i + 1} is empty";
            }

            foreach (var c in element)
            {
                if (c < 0x20 || c == 0x7F)
                {
                    return $"element {i + 1} holds the control character U+{(int)c:X4}";
                }
            }

            total += element.Length;
        }

        return total > MaxTotalLength ? $"a key has at most {MaxTotalLength} characters, this one has {total}" : null;
    }

    /// <summary>
    /// The key as Dremio SQL writes it: elements joined by dots, each double-quoted when it is not a plain
    /// identifier (<c>sales."my view"</c>). <see cref="ParseSqlPath"/> reads it back.
    /// </summary>
    public string ToSqlPath()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < Elements.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            AppendSqlIdentifier(builder, Elements[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Parses a dotted SQL path such as <c>a.b."c.d"</c> (double quotes delimit an element, <c>""</c> is a quote).
    /// The error names the text and the position.
    /// </summary>
    public static ContentKey ParseSqlPath(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var elements = new List<string>();
        var current = new StringBuilder();
        var i = 0;
        var expectElement = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (expectElement)
            {
                if (c == '"')
                {
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                current.Append('"');
                                i += 2;
                                continue;
                            }

                            closed = true;
                            i++;
                            break;
                        }

                        current.Append(text[i]);
                        i++;
                    }

                    if (!closed)
                    {
                        throw new LakehouseException($"Invalid view name '{text}': a quoted element is not closed.");
                    }
                }
                else
                {
                    while (i < text.Length && text[i] != '.' && text[i] != '"')
                    {
                        current.Append(text[i]);
                        i++;
                    }

                    var plain = current.ToString();
                    if (plain.Length == 0 || plain.Any(char.IsWhiteSpace))
                    {
                        throw new LakehouseException(
                            $"Invalid view name '{text}': expected a name element at position {i + 1} " +
                            "(elements are separated by dots; quote an element that holds spaces or dots).");
                    }
                }

                elements.Add(current.ToString());
                current.Clear();
                expectElement = false;
            }
            else
            {
                if (c != '.')
                {
                    throw new LakehouseException(
                        $"Invalid view name '{text}': expected '.' at position {i + 1}, found '{c}'.");
                }

                i++;
                expectElement = true;
            }
        }

        if (expectElement)
        {
            throw new LakehouseException($"Invalid view name '{text}': it ends where a name element is expected.");
        }

        return Of(elements);
    }

    public bool Equals(ContentKey? other) =>
        other is not null && Elements.AsSpan().SequenceEqual(other.Elements.AsSpan(), StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ContentKey);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var element in Elements)
        {
            hash.Add(element, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Element-wise ordinal order, the order listings and reports use.</summary>
    public int CompareTo(ContentKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var count = Math.Min(Elements.Length, other.Elements.Length);
        for (var i = 0; i < count; i++)
        {
            var result = string.CompareOrdinal(Elements[i], other.Elements[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return Elements.Length.CompareTo(other.Elements.Length);
    }

    public static bool operator ==(ContentKey? left, ContentKey? right) => Equals(left, right);

    public static bool operator !=(ContentKey? left, ContentKey? right) => !Equals(left, right);

    /// <summary>The SQL path form, the one users type and read.</summary>
    public override string ToString() => ToSqlPath();

    private static void AppendSqlIdentifier(StringBuilder builder, string element)
    {
        if (IsPlainIdentifier(element))
        {
            builder.Append(element);
            return;
        }

        builder.Append('"').Append(element.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static bool IsPlainIdentifier(string element)
    {
        if (element.Length == 0 || !(char.IsAsciiLetter(element[0]) || element[0] == '_'))
        {
            return false;
        }

        foreach (var c in element)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(IReadOnlyList<string> elements) =>
        "[" + string.Join(", ", elements.Select(e => "\"" + e + "\"")) + "]";
}
