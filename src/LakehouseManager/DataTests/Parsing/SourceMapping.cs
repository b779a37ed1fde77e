namespace LakehouseManager.DataTests.Parsing;

/// <summary>Fields in file order, duplicates kept (the schema reports them with both lines).</summary>
internal sealed record SourceMapping(int Line, IReadOnlyList<SourceEntry> Entries) : SourceNode(Line)
{
    public override string KindName => "an object";
}
