namespace LakehouseManager.Sql;

/// <summary>The kinds of token <see cref="SqlTokenizer"/> produces.</summary>
internal enum SqlTokenKind
{
    Whitespace,

    /// <summary><c>-- to end of line</c> or <c>/* ... */</c>.</summary>
    Comment,

    /// <summary>A bare identifier or keyword.</summary>
    Word,

    /// <summary><c>"name"</c>, <c>`name`</c> or <c>[name]</c>; <see cref="SqlToken.Value"/> is the unquoted name.</summary>
    QuotedIdentifier,

    /// <summary><c>'text'</c>; <see cref="SqlToken.Value"/> is the unquoted text.</summary>
    String,

    /// <summary>A numeric literal, or anything else that starts with a digit (such as a commit hash).</summary>
    Number,

    /// <summary><c>?</c>, <c>?1</c>, <c>:name</c>, <c>@name</c>, <c>$name</c>.</summary>
    Parameter,

    /// <summary>A one- or multi-character operator or punctuation mark: <c>. , ; ( ) = || &lt;= -&gt;&gt;</c>.</summary>
    Symbol,
}
