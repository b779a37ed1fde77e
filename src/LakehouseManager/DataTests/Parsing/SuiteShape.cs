namespace LakehouseManager.DataTests.Parsing;

/// <summary>The outer shape both formats share: an object whose only field, <c>tests</c>, is a non-empty list.</summary>
internal static class SuiteShape
{
    private static readonly string[] s_rootFields = ["tests"];

    /// <summary>Each test object with its 1-based number; problems with the shape itself are reported.</summary>
    public static IEnumerable<(SourceMapping Test, int Number)> Items(
        SourceNode root, ParseErrors errors, string example, bool unknownIsWarning = false)
    {
        var file = errors.File;
        if (root is not SourceMapping mapping)
        {
            file.Error(root.Line, $"the file must be an object with a 'tests' list ({example}), found {root.KindName}");
            yield break;
        }

        var fields = new FieldReader(mapping, "the file", s_rootFields, file, unknownIsWarning: unknownIsWarning);
        var tests = fields.Require("tests", mapping.Line, $"the list of tests: {example}");
        if (tests is null)
        {
            yield break;
        }

        if (tests.Value is not SourceSequence list)
        {
            file.Error(tests.Value.Line, $"'tests' must be a list of tests, found {tests.Value.KindName}");
            yield break;
        }

        if (list.Items.Count == 0)
        {
            file.Error(list.Line, "'tests' is empty: a tests file needs at least one test");
            yield break;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is SourceMapping test)
            {
                yield return (test, i + 1);
            }
            else
            {
                errors.ForTest(null, i + 1).Error(list.Items[i].Line,
                    $"a test must be an object with fields, found {list.Items[i].KindName}");
            }
        }
    }

    /// <summary>The test's name when it is plain text, to label messages about the test's other fields.</summary>
    public static string? PeekName(SourceMapping test) =>
        test.Entries.FirstOrDefault(e => e.Key == "name")?.Value is SourceScalar { Value: not null } name &&
        !string.IsNullOrWhiteSpace(name.Text)
            ? name.Text
            : null;
}
