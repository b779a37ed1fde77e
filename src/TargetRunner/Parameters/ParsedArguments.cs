using System.Globalization;

namespace TargetRunner.Parameters;

/// <summary>
/// The command line split Nuke's way: leading tokens are positional (target names); a token starting with <c>-</c>
/// (but not a negative number) names a parameter and owns every following token up to the next name. A name may
/// repeat: the last occurrence wins. <c>--name=value</c> is accepted too.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, Occurrence> _named = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    private ParsedArguments(List<string> positional)
    {
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public static ParsedArguments Parse(IReadOnlyList<string> arguments)
    {
        var positional = new List<string>();
        var result = new ParsedArguments(positional);
        Occurrence? current = null;
        foreach (var argument in arguments)
        {
            if (IsName(argument))
            {
                var text = argument.TrimStart('-');
                var equals = text.IndexOf('=', StringComparison.Ordinal);
                var name = equals >= 0 ? text[..equals] : text;
                current = new Occurrence(argument.Split('=')[0], []);
                result._named[NameFormat.Normalize(name)] = current;
                if (equals >= 0)
                {
                    current.Values.Add(text[(equals + 1)..]);
                }
            }
            else if (current is null)
            {
                positional.Add(argument);
            }
            else
            {
                current.Values.Add(argument);
            }
        }

        return result;
    }

    /// <summary>Finds a parameter by its lenient name (letters and digits, any case) and marks it as used.</summary>
    public bool TryGet(string name, out IReadOnlyList<string> values)
    {
        var key = NameFormat.Normalize(name);
        if (_named.TryGetValue(key, out var occurrence))
        {
            _consumed.Add(key);
            values = occurrence.Values;
            return true;
        }

        values = [];
        return false;
    }

    /// <summary>The arguments as typed that no parameter claimed.</summary>
    public IEnumerable<string> Unconsumed => _named.Where(p => !_consumed.Contains(p.Key)).Select(p => p.Value.Text);

    private static bool IsName(string argument) =>
        argument.Length > 1
        && argument[0] == '-'
        && !double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private sealed record Occurrence(string Text, List<string> Values);
}
