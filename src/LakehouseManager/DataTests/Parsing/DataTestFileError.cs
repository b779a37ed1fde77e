namespace LakehouseManager.DataTests.Parsing;

/// <summary>One problem in a tests file, located for the user.</summary>
/// <param name="Source">The file name.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="TestName">The test's name, when the problem is in a test that has one.</param>
/// <param name="TestNumber">The test's 1-based position, when the problem is in a test.</param>
/// <param name="Message">What is wrong and what is valid.</param>
internal sealed record DataTestFileError(string Source, int Line, string? TestName, int? TestNumber, string Message)
{
    /// <summary>"tests.yaml:12: test 'revenue_total': unknown field 'expcet' ...", the shape compilers use.</summary>
    public override string ToString()
    {
        var test = TestName is not null ? $"test '{TestName}': "
            : TestNumber is not null ? $"test #{TestNumber}: "
            : string.Empty;
        return $"{Source}:{Line}: {test}{Message}";
    }
}
