namespace LakehouseManager.DataTests.Parsing;

/// <summary>A single value.</summary>
/// <param name="Line">The line it is on.</param>
/// <param name="Value">null, bool, decimal (double when it does not fit) or string.</param>
/// <param name="Text">The value as written (for a number, its digits; for YAML, the scalar's text).</param>
internal sealed record SourceScalar(int Line, object? Value, string Text) : SourceNode(Line)
{
    public override string KindName => Value switch
    {
        null => "null",
        bool => "true/false",
        string => "text",
        _ => "a number",
    };
}
