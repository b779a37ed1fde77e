namespace LakehouseManager.DataTests.Parsing;

/// <summary>
/// A value read from a tests file with the line it starts on. JSON and YAML are both read into this small tree, so one
/// set of schema checks can name the line of every problem whatever the format.
/// </summary>
internal abstract record SourceNode(int Line)
{
    /// <summary>What the node is, for messages: "text", "a number", "a list", ...</summary>
    public abstract string KindName { get; }
}
