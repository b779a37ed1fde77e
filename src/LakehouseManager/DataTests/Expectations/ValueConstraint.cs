namespace LakehouseManager.DataTests.Expectations;

/// <summary>What a single value must be: <see cref="EqualsConstraint"/> or <see cref="RangeConstraint"/>.</summary>
internal abstract record ValueConstraint
{
    private protected ValueConstraint()
    {
    }

    public abstract bool IsSatisfiedBy(object? value);

    /// <summary>The expectation in words: "1234.5 ± 0.01", "between 1 and 5", "at least 0".</summary>
    public abstract string Describe();

    /// <summary>Why the value can never satisfy the constraint (a kind mismatch), for the failure message; or null.</summary>
    public abstract string? Hint(object? value);
}
