namespace LakehouseManager.Reporting;

/// <summary>Cuts text to a length for reports and logs, marking the cut with "…".</summary>
internal static class TextCut
{
    /// <summary>
    /// The text itself when it has at most <paramref name="maxLength"/> characters, else its start and "…" in at most
    /// that many characters, never splitting a surrogate pair (half an emoji would be an invalid character).
    /// </summary>
    public static string ToLength(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
