namespace LakehouseManager.Reporting;

/// <summary>One column of a <see cref="TextTable"/>.</summary>
/// <param name="Header">The header text.</param>
/// <param name="Alignment">How cells line up.</param>
/// <param name="MaxWidth">Longer cells (and headers) are cut to this many characters, ending with "…".</param>
internal sealed record TextColumn(string Header, TextAlignment Alignment = TextAlignment.Left, int MaxWidth = 60);
