namespace LakehouseManager.DataTests.Parsing;

/// <summary>
/// Parses a tests file in either format (docs/data-tests.md). Pure: it takes the text and the file name to put in
/// messages, and reads no file itself.
/// </summary>
internal static class DataTestFileParser
{
    /// <summary>
    /// The format by content, not by extension: a file whose first non-blank character is <c>{</c> is the original
    /// JSON format; anything else is YAML. (YAML is a superset of JSON, so an object-shaped file is read as the JSON
    /// format it most likely is, with JSON's stricter, clearer errors.)
    /// </summary>
    public static DataTestFormat DetectFormat(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.TrimStart('\uFEFF').AsSpan().TrimStart();
        return first.Length > 0 && first[0] == '{' ? DataTestFormat.Json : DataTestFormat.Yaml;
    }

    /// <summary>Parses and validates the whole file.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="source">The file's name or path, as it should appear in messages and reports.</param>
    /// <exception cref="DataTestFileException">Every problem found, each with the file, line and test.</exception>
    public static DataTestSuite Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(source);
        text = text.TrimStart('\uFEFF');
        var errors = new ParseErrors(source);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(1, "the file is empty; write the JSON format ({\"tests\": [...]}) or the YAML format " +
                          "('tests:' then a list), see docs/data-tests.md");
            throw errors.ToException();
        }

        var format = DetectFormat(text);
        var root = format == DataTestFormat.Json ? JsonSourceReader.Read(text, errors) : YamlSourceReader.Read(text, errors);
        IReadOnlyList<DataTest> tests = root is null ? []
            : format == DataTestFormat.Json ? JsonTestFile.Read(root, errors)
            : YamlTestFile.Read(root, errors);
        if (errors.HasErrors)
        {
            throw errors.ToException();
        }

        return new DataTestSuite(source, format, tests) { Warnings = errors.Warnings };
    }
}
