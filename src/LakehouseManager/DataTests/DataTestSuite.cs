using LakehouseManager.DataTests.Parsing;

namespace LakehouseManager.DataTests;

/// <summary>The tests of one file, in file order.</summary>
/// <param name="Source">The file name as given to the parser (used in messages and reports).</param>
/// <param name="Format">The format the file was written in.</param>
/// <param name="Tests">The tests, in file order; never empty, names unique.</param>
internal sealed record DataTestSuite(string Source, DataTestFormat Format, IReadOnlyList<DataTest> Tests)
{
    /// <summary>What the parser ignored, each with its file and line (unknown fields of the original JSON format).</summary>
    public IReadOnlyList<DataTestFileError> Warnings { get; init; } = [];

    /// <summary>Every tag used in the file, sorted, for messages.</summary>
    public IReadOnlyList<string> AllTags =>
        Tests.SelectMany(t => t.Tags).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).ToArray();
}
