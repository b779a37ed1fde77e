using System.Globalization;

namespace LakehouseManager.DataTests.Expectations;

/// <summary>The value equals <paramref name="Expected"/> (see <see cref="ValueComparer"/>), within the tolerance.</summary>
/// <param name="Expected">null, true/false, a number (decimal, or double when it does not fit) or text.</param>
/// <param name="Tolerance">For numbers only: the largest accepted absolute difference.</param>
internal sealed record EqualsConstraint(object? Expected, decimal? Tolerance = null) : ValueConstraint
{
    public override bool IsSatisfiedBy(object? value) => ValueComparer.AreEqual(value, Expected, Tolerance);

    public override string Describe() =>
        Tolerance is null
            ? ValueText.Literal(Expected)
            : $"{ValueText.Literal(Expected)} ± {Tolerance.Value.ToString(CultureInfo.InvariantCulture)}";

    public override string? Hint(object? value) => ValueComparer.KindMismatchHint(value, Expected);
}
