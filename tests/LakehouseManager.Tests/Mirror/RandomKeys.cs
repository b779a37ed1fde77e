using System.Text;
using LakehouseManager.Naming;

namespace LakehouseManager.Tests.Mirror;

/// <summary>
/// Seeded random catalog keys built to hit every layout rule: unsafe characters, dots and spaces, reserved names,
/// unicode with combining marks, astral characters and case traps (ß, ſ, ı, ς, Kelvin sign, titlecase digraphs,
/// Deseret case pairs), lone surrogates, very long elements, deep namespaces, and case-only variants of existing keys.
/// </summary>
internal sealed class RandomKeys(int seed)
{
    private static readonly string[] s_fragments =
    [
        "a", "b", "z", "A", "B", "Z", "0", "9", "_", "-", "sales", "Orders", "VIEW",
        ".", "..", "/", "\\", ":", "*", "?", "\"", "<", ">", "|", "%", "%~", "%+", "~", "+", " ", "  ", "#", "$", "&",
        "é", "É", "ü", "Ü", "ß", "ẞ", "ſ", "s", "S", "ı", "i", "I", "İ", "ς", "σ", "Σ", "\u212A", "k", "K", "\u212B", "å",
        "Å", "ǅ", "ǆ", "Ǆ", "д", "Д", "日本", "ა", "Ა", "\u13A0", "\uAB70", "e\u0301", "\u0301", "\u0345", "Ω", "\u2126",
        "🚀", "\U00010400", "\U00010428", "\U0001D538", "\u00A0", "\uFEFF", "ﬁ", "\uD800", "\uDC00",
    ];

    private static readonly string[] s_wholeElements =
    [
        ".", "..", "...", " ", ".git", ".GIT", "con", "CON", "Con.txt", "nul", "com1", "LPT9", "com¹", "conin$",
        "prn .x", "git~1", "GIT~1", "x.sql", "X.SQL", ".sql", "a.", "a ", " a", "%", "%~1", "%+",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A set of keys where some share namespaces and some differ from others only in case.</summary>
    public List<ContentKey> NextSet(int count)
    {
        var keys = new List<ContentKey>();
        while (keys.Count < count)
        {
            var roll = _random.NextDouble();
            if (keys.Count > 0 && roll < 0.3)
            {
                // A case-only variant of an existing key (of its name, or of one of its namespace elements).
                TryAdd(keys, ChangeCase(keys[_random.Next(keys.Count)].Elements));
            }
            else if (keys.Count > 0 && roll < 0.5)
            {
                // A sibling: same namespace (or a prefix of it), a new name.
                var basis = keys[_random.Next(keys.Count)].Elements;
                var depth = _random.Next(basis.Length);
                TryAdd(keys, [.. basis.Take(depth), NextElement()]);
            }
            else
            {
                var elements = Enumerable.Range(0, NextElementCount()).Select(_ => NextElement()).ToList();
                TryAdd(keys, elements);
            }
        }

        return keys;
    }

    /// <summary>A random element, control characters included (for element-level tests; keys cannot hold them).</summary>
    public string NextRawElement()
    {
        var builder = new StringBuilder(NextElement());
        var position = _random.Next(builder.Length + 1);
        builder.Insert(position, (char)(_random.Next(2) == 0 ? _random.Next(0x20) : 0x7F));
        return builder.ToString();
    }

    private int NextElementCount() => _random.NextDouble() switch
    {
        < 0.6 => 1 + _random.Next(3),
        < 0.9 => 1 + _random.Next(8),
        _ => 1 + _random.Next(ContentKey.MaxElements),
    };

    private string NextElement()
    {
        var roll = _random.NextDouble();
        if (roll < 0.15)
        {
            return s_wholeElements[_random.Next(s_wholeElements.Length)];
        }

        var length = roll < 0.93 ? 1 + _random.Next(12) : 60 + _random.Next(240);
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            builder.Append(s_fragments[_random.Next(s_fragments.Length)]);
        }

        return builder.ToString();
    }

    private List<string> ChangeCase(IReadOnlyList<string> elements)
    {
        var changed = elements.ToList();
        var index = _random.Next(changed.Count);
        var element = changed[index];
        changed[index] = _random.Next(3) switch
        {
            0 => element.ToUpperInvariant(),
            1 => element.ToLowerInvariant(),
            _ => string.Concat(element.Select(c => _random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))),
        };
        return changed;
    }

    private static void TryAdd(List<ContentKey> keys, IReadOnlyList<string> elements)
    {
        if (ContentKey.Validate(elements) is null)
        {
            var key = ContentKey.Of(elements);
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }
    }
}
