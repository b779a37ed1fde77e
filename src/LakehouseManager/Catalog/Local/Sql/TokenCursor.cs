using LakehouseManager.Naming;
using LakehouseManager.Sql;

namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>
/// Reads the significant tokens of one statement for the parser; its errors name the statement, the position and
/// what was expected.
/// </summary>
internal sealed class TokenCursor
{
    private static readonly HashSet<string> s_refKinds =
        new(["BRANCH", "REF", "REFERENCE", "COMMIT", "TAG"], StringComparer.OrdinalIgnoreCase);

    private readonly ParsedSql _sql;
    private readonly List<int> _indexes = [];
    private int _position;

    public TokenCursor(ParsedSql sql)
    {
        _sql = sql;
        var end = sql.Terminator < 0 ? sql.Tokens.Count : sql.Terminator;
        for (var i = 0; i < end; i++)
        {
            if (!sql.Tokens[i].IsTrivia)
            {
                _indexes.Add(i);
            }
        }
    }

    public bool AtEnd => _position >= _indexes.Count;

    /// <summary>The index in <see cref="ParsedSql.Tokens"/> of the current token (the end when there is none).</summary>
    public int TokenIndex => AtEnd ? (_sql.Terminator < 0 ? _sql.Tokens.Count : _sql.Terminator) : _indexes[_position];

    public SqlToken? Peek(int ahead = 0) =>
        _position + ahead < _indexes.Count ? _sql.Tokens[_indexes[_position + ahead]] : null;

    /// <summary>Consumes the keywords when all of them come next, in order.</summary>
    public bool TryKeywords(params string[] keywords)
    {
        for (var i = 0; i < keywords.Length; i++)
        {
            if (Peek(i)?.IsKeyword(keywords[i]) != true)
            {
                return false;
            }
        }

        _position += keywords.Length;
        return true;
    }

    public void ExpectKeywords(params string[] keywords)
    {
        if (!TryKeywords(keywords))
        {
            throw Error(string.Join(' ', keywords));
        }
    }

    /// <summary>A bare or double-quoted identifier, e.g. a branch name.</summary>
    public string ExpectName(string what)
    {
        if (Peek() is { IsIdentifier: true } token)
        {
            _position++;
            return token.Value;
        }

        throw Error(what);
    }

    /// <summary>A reference value: an identifier, a quoted name or hash, or a bare hash.</summary>
    public string ExpectRefValue(string what)
    {
        if (Peek() is { Kind: SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier or SqlTokenKind.String or SqlTokenKind.Number } token)
        {
            _position++;
            return token.Value;
        }

        throw Error(what);
    }

    /// <summary><c>[BRANCH|REF|REFERENCE|COMMIT|TAG] value</c>; without a kind the value is a reference.</summary>
    public SqlRef ExpectRef()
    {
        var kind = "REF";
        if (Peek() is { Kind: SqlTokenKind.Word } word && s_refKinds.Contains(word.Text))
        {
            kind = word.Text.ToUpperInvariant() == "REFERENCE" ? "REF" : word.Text.ToUpperInvariant();
            _position++;
        }

        return new SqlRef(kind, ExpectRefValue(kind == "COMMIT" ? "a commit hash" : "a reference name"));
    }

    /// <summary>A dotted path such as <c>shop.sales."my view"</c>, checked as a catalog key.</summary>
    public ContentKey ExpectPath(string what)
    {
        var start = Peek();
        var elements = new List<string> { ExpectName(what) };
        while (Peek()?.IsSymbol(".") == true)
        {
            _position++;
            elements.Add(ExpectName($"a name element after '.' in {what}"));
        }

        if (ContentKey.Validate(elements) is { } error)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"Invalid {what} '{string.Join('.', elements)}' at {_sql.Position(start!)} of {Describe()}: {error}.");
        }

        return ContentKey.Of(elements);
    }

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw Error("the end of the statement");
        }
    }

    /// <summary>A parse error at the current token: what was expected and what was found.</summary>
    public CatalogException Error(string expected)
    {
        var found = Peek() is { } token ? $"'{token.Text}'" : "the end of the statement";
        return new CatalogException(
            CatalogErrorKind.BadRequest,
            $"Cannot parse {Describe()}: at {_sql.Position(TokenIndex)} expected {expected}, found {found}.");
    }

    private string Describe()
    {
        var text = string.Join(' ', _sql.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return $"the statement \"{(text.Length > 80 ? text[..77] + "..." : text)}\"";
    }
}
