namespace LakehouseManager.DataTests.Parsing;

/// <summary>One field of a <see cref="SourceMapping"/>: its name, the line of the name, and its value.</summary>
internal sealed record SourceEntry(string Key, int Line, SourceNode Value);
