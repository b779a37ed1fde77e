namespace LakehouseManager.DataTests.Parsing;

/// <summary>A list (a JSON array, a YAML sequence).</summary>
internal sealed record SourceSequence(int Line, IReadOnlyList<SourceNode> Items) : SourceNode(Line)
{
    public override string KindName => "a list";
}
