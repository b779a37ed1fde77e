namespace LakehouseManager.Pipeline.Testing;

/// <summary>How far a data-test run got: what a problem that stops it is about, and so how to fix it.</summary>
internal enum RunDataTestsStage
{
    /// <summary>Reading the selection (<c>!test</c> arguments) and choosing the tests from the file.</summary>
    Selection,

    /// <summary>Reading the tests file from the branch.</summary>
    TestsFile,

    /// <summary>Parsing the tests file.</summary>
    Parsing,

    /// <summary>Running the tests: a fatal engine error (bad credentials, an unreachable engine).</summary>
    Running,
}
