namespace TargetRunner.Definition;

/// <summary>Tidies a lambda's source text (from <c>[CallerArgumentExpression]</c>) into what users read.</summary>
internal static class SourceText
{
    /// <summary>Turns <c>"() => IsServerBuild"</c> into <c>"IsServerBuild"</c>, collapsing whitespace.</summary>
    public static string OfLambda(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "<condition>";
        }

        var text = string.Join(' ', expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.StartsWith("()", StringComparison.Ordinal))
        {
            var arrow = text.IndexOf("=>", StringComparison.Ordinal);
            if (arrow > 0 && string.IsNullOrWhiteSpace(text[2..arrow]))
            {
                text = text[(arrow + 2)..].Trim();
            }
        }

        return text;
    }
}
