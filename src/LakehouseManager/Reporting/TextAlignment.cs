namespace LakehouseManager.Reporting;

/// <summary>How a <see cref="TextTable"/> column lines up its cells.</summary>
internal enum TextAlignment
{
    /// <summary>Text: padded on the right.</summary>
    Left,

    /// <summary>Numbers and durations: padded on the left so the units line up.</summary>
    Right,
}
