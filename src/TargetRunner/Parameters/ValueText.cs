using System.Globalization;

namespace TargetRunner.Parameters;

/// <summary>How a parameter's value is shown in the debug log and in error messages: <c>'text'</c>, <c>4</c>, <c>[a, b]</c>.</summary>
internal static class ValueText
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => $"'{text}'",
        bool flag => flag ? "true" : "false",
        Array array => "[" + string.Join(", ", array.Cast<object?>().Select(Format)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
