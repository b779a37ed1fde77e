using System.Globalization;

namespace LakehouseManager.DataTests.Expectations;

/// <summary>A number within inclusive bounds; either bound may be open (at least / at most).</summary>
internal sealed record RangeConstraint : ValueConstraint
{
    public RangeConstraint(decimal? min, decimal? max)
    {
        if (min is null && max is null)
        {
            throw new ArgumentException("A range needs a lower bound, an upper bound, or both.");
        }

        if (min > max)
        {
            throw new ArgumentException($"The range's lower bound {min} is above its upper bound {max}.");
        }

        Min = min;
        Max = max;
    }

    public decimal? Min { get; }

    public decimal? Max { get; }

    public override bool IsSatisfiedBy(object? value) =>
        ValueComparer.IsNumber(value)
        && (Min is null || ValueComparer.Compare(value, Min.Value) >= 0)
        && (Max is null || ValueComparer.Compare(value, Max.Value) <= 0);

    public override string Describe() => (Min, Max) switch
    {
        ({ } min, { } max) => $"between {Text(min)} and {Text(max)}",
        ({ } min, null) => $"at least {Text(min)}",
        _ => $"at most {Text(Max!.Value)}",
    };

    public override string? Hint(object? value) => value switch
    {
        null => "the value is null",
        _ when !ValueComparer.IsNumber(value) => "the value is not a number",
        _ => null,
    };

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
