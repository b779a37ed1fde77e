namespace LakehouseManager.DataTests.Parsing;

/// <summary>Collects the problems of one file; the parser throws them all at the end.</summary>
internal sealed class ParseErrors(string source)
{
    private readonly List<DataTestFileError> _errors = [];
    private readonly List<DataTestFileError> _warnings = [];

    public string Source => source;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>How many problems so far: a reader compares it before and after a test to know if the test is valid.</summary>
    public int Count => _errors.Count;

    public void Add(int line, string message, string? testName = null, int? testNumber = null) =>
        _errors.Add(new DataTestFileError(source, line, testName, testNumber, message));

    /// <summary>Problems that do not stop the file from being used (unknown fields in the original JSON format).</summary>
    public IReadOnlyList<DataTestFileError> Warnings => _warnings;

    public void Warn(int line, string message, string? testName = null, int? testNumber = null) =>
        _warnings.Add(new DataTestFileError(source, line, testName, testNumber, message));

    /// <summary>The scope for messages about the file as a whole.</summary>
    public ParseScope File => new(this, null, null);

    /// <summary>The scope for messages about one test.</summary>
    public ParseScope ForTest(string? name, int number) => new(this, name, number);

    public DataTestFileException ToException() => new([.. _errors.OrderBy(e => e.Line)]);
}
