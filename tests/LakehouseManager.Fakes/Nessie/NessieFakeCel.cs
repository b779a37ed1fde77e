namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// The small part of CEL that filters use in practice: <c>a == 'x'</c>, <c>a != 'x'</c>, <c>a in ['x','y']</c>,
/// <c>a.startsWith('x')</c>, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, parentheses, over string variables such as
/// <c>refType</c>, <c>ref.name</c>, <c>entry.contentType</c>, <c>entry.namespace</c>. Anything else is a 400, as an
/// expression Nessie's CEL cannot compile would be.
/// </summary>
internal sealed class NessieFakeCel
{
    private readonly List<string> _tokens;
    private readonly IReadOnlyDictionary<string, string?> _variables;
    private int _position;

    private NessieFakeCel(string expression, IReadOnlyDictionary<string, string?> variables)
    {
        _tokens = Tokenize(expression);
        _variables = variables;
    }

    /// <summary>Whether the filter keeps the item with these variables; a null or empty filter keeps everything.</summary>
    public static bool Matches(string? filter, IReadOnlyDictionary<string, string?> variables)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return true;
        }

        var cel = new NessieFakeCel(filter, variables);
        var result = cel.Or();
        return cel._position == cel._tokens.Count ? result : throw Unsupported(filter);
    }

    private bool Or()
    {
        var value = And();
        while (Accept("||"))
        {
            value |= And();
        }

        return value;
    }

    private bool And()
    {
        var value = Unary();
        while (Accept("&&"))
        {
            value &= Unary();
        }

        return value;
    }

    private bool Unary()
    {
        if (Accept("!"))
        {
            return !Unary();
        }

        if (Accept("("))
        {
            var value = Or();
            Expect(")");
            return value;
        }

        if (Accept("true"))
        {
            return true;
        }

        if (Accept("false"))
        {
            return false;
        }

        var name = Next();
        if (name.EndsWith(".startsWith", StringComparison.Ordinal))
        {
            var variable = Variable(name[..^".startsWith".Length]);
            Expect("(");
            var prefix = Literal();
            Expect(")");
            return variable?.StartsWith(prefix, StringComparison.Ordinal) == true;
        }

        var value1 = Variable(name);
        var op = Next();
        switch (op)
        {
            case "==":
                return value1 == Literal();
            case "!=":
                return value1 != Literal();
            case "in":
                Expect("[");
                var found = false;
                do
                {
                    found |= value1 == Literal();
                }
                while (Accept(","));
                Expect("]");
                return found;
            default:
                throw Unsupported(op);
        }
    }

    private string? Variable(string name) =>
        _variables.TryGetValue(name, out var value) ? value : throw NessieFakeError.BadRequest($"undeclared reference to '{name}'");

    private string Literal()
    {
        var token = Next();
        return token.Length >= 2 && token[0] is '\'' or '"' && token[^1] == token[0]
            ? token[1..^1]
            : throw Unsupported(token);
    }

    private string Next() => _position < _tokens.Count ? _tokens[_position++] : throw NessieFakeError.BadRequest("The filter ends too early.");

    private bool Accept(string token)
    {
        if (_position < _tokens.Count && _tokens[_position] == token)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw NessieFakeError.BadRequest($"The filter expects '{token}'.");
        }
    }

    private static NessieFakeError Unsupported(string text) =>
        NessieFakeError.BadRequest($"Filter not understood near '{text}' (this fake knows ==, !=, in, startsWith, !, &&, ||).");

    private static List<string> Tokenize(string expression)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"')
            {
                var end = expression.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw NessieFakeError.BadRequest("A string in the filter is not closed.");
                }

                tokens.Add(expression[i..(end + 1)]);
                i = end + 1;
            }
            else if (i + 1 < expression.Length && expression.Substring(i, 2) is "==" or "!=" or "&&" or "||")
            {
                tokens.Add(expression.Substring(i, 2));
                i += 2;
            }
            else if (c is '(' or ')' or '[' or ']' or ',' or '!')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(expression[start..i]);
            }
            else
            {
                throw Unsupported(c.ToString());
            }
        }

        return tokens;
    }
}
