using System.ComponentModel;
using System.Globalization;

namespace TargetRunner.Parameters;

/// <summary>
/// Converts raw text values to a parameter's type: string, bool, numbers, enums (case and dashes ignored),
/// <see cref="AbsolutePath"/> (a relative value is resolved against the base directory the caller chooses for the
/// value's source), nullable forms, arrays, and anything with a <see cref="TypeConverter"/>.
/// </summary>
internal static class ValueConverter
{
    /// <summary>Converts; throws <see cref="FormatException"/> with a message that names what is valid.</summary>
    public static object? Convert(ParameterMember parameter, IReadOnlyList<string> values, string baseDirectory)
    {
        var type = parameter.ValueType;
        if (type.IsArray)
        {
            var elementType = type.GetElementType()!;
            var items = Split(values, parameter.Separator);
            var array = Array.CreateInstance(elementType, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(ConvertSingle(elementType, items[i], baseDirectory), i);
            }

            return array;
        }

        if (values.Count == 0)
        {
            return parameter.IsBool ? true : throw new FormatException("a value is expected");
        }

        if (values.Count > 1)
        {
            throw new FormatException($"a single value is expected, got {values.Count}");
        }

        return ConvertSingle(type, values[0], baseDirectory);
    }

    /// <summary>The valid values of an enum parameter, for help and error messages.</summary>
    public static IReadOnlyList<string>? EnumValues(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsEnum ? Enum.GetNames(element) : null;
    }

    /// <summary>A number type in words, never its .NET name.</summary>
    public static string NumberKind(Type type) =>
        type == typeof(int) || type == typeof(long)
            ? $"a whole number from {(type == typeof(int) ? int.MinValue : long.MinValue).ToString(CultureInfo.InvariantCulture)} " +
              $"to {(type == typeof(int) ? int.MaxValue : long.MaxValue).ToString(CultureInfo.InvariantCulture)}"
            : "a number (with '.' for decimals)";

    private static List<string> Split(IReadOnlyList<string> values, string? separator)
    {
        var result = new List<string>();
        foreach (var value in values)
        {
            var parts = separator is null
                ? value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            result.AddRange(parts);
        }

        return result;
    }

    private static object ConvertSingle(Type type, string value, string baseDirectory)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return value;
        }

        if (type == typeof(bool))
        {
            return value.Trim().ToUpperInvariant() switch
            {
                "TRUE" or "1" => true,
                "FALSE" or "0" => false,
                _ => throw new FormatException("expected true or false"),
            };
        }

        if (type.IsEnum)
        {
            var normalized = NameFormat.Normalize(value);
            var match = Enum.GetNames(type).FirstOrDefault(n => NameFormat.Normalize(n) == normalized);
            return match is not null
                ? Enum.Parse(type, match)
                : throw new FormatException($"valid values are {string.Join(", ", Enum.GetNames(type))}");
        }

        if (type == typeof(AbsolutePath))
        {
            return AbsolutePath.Resolve(value, baseDirectory);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal))
        {
            try
            {
                return System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is FormatException or OverflowException)
            {
                throw new FormatException($"expected {NumberKind(type)}", exception);
            }
        }

        var converter = TypeDescriptor.GetConverter(type);
        if (!converter.CanConvertFrom(typeof(string)))
        {
            throw new FormatException($"type {type.Name} cannot be bound from text");
        }

        return converter.ConvertFromInvariantString(value) ?? throw new FormatException("the value is empty");
    }
}
