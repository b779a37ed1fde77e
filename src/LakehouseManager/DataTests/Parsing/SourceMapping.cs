namespace LakehouseManager.DataTests.Parsing;

/// <summary>Fields in file order, duplicates kept (the schema reports them with both lines).</summary>
internal sealed record SourceMapping(int Line, IReadOnlyList<SourceEntry> Entries) : SourceNode(Line)
{
    public override string KindName => "an object";
}

/// <summary>One field of a <see cref="SourceMapping"/>: its name, the line of the name, and its value.</summary>
internal sealed record SourceEntry(string Key, int Line, SourceNode Value);
