using System.Text.RegularExpressions;

namespace LakehouseManager.DataTests.Parsing;

/// <summary>The YAML format (docs/data-tests.md): a test is a name, SQL and one expectation, plus optional fields.</summary>
internal static partial class YamlTestFile
{
    private const string Example = "tests:\n  - name: ...\n    sql: ...\n    expect: ...";
    private static readonly string[] s_fields = ["name", "description", "sql", "expect", "severity", "tags", "timeout", "skip"];
    private static readonly string[] s_severities = ["error", "warn"];

    public static IReadOnlyList<DataTest> Read(SourceNode root, ParseErrors errors)
    {
        var tests = new List<DataTest>();
        var names = new TestNames();
        foreach (var (item, number) in SuiteShape.Items(root, errors, Example))
        {
            var before = errors.Count;
            var scope = errors.ForTest(SuiteShape.PeekName(item), number);
            var fields = new FieldReader(item, "a test", s_fields, scope);

            var name = ReadName(fields, item, scope, names);
            var sql = SchemaValues.Text(fields.Require("sql", item.Line, "the query to run"), scope, strict: false);
            var expect = fields.Require("expect", item.Line,
                $"one of: {string.Join(", ", YamlExpectationReader.Kinds)}");
            var expectation = expect is null ? null : YamlExpectationReader.Read(expect.Value, scope);
            var description = Optional(fields.Get("description"), scope);
            var severity = ReadSeverity(fields.Get("severity"), scope);
            var tags = ReadTags(fields.Get("tags"), scope);
            var timeout = ReadTimeout(fields.Get("timeout"), scope);
            var skip = ReadSkip(fields.Get("skip"), scope);

            if (errors.Count == before && name is not null && sql is not null && expectation is not null)
            {
                tests.Add(new DataTest
                {
                    Name = name,
                    Sql = sql,
                    Expectation = expectation,
                    Description = description,
                    Severity = severity,
                    Tags = tags,
                    Timeout = timeout,
                    SkipReason = skip,
                    Line = item.Line,
                });
            }
        }

        return tests;
    }

    private static string? ReadName(FieldReader fields, SourceMapping item, ParseScope scope, TestNames names)
    {
        var entry = fields.Require("name", item.Line, "the test's name, e.g. no_negative_amounts");
        var name = SchemaValues.Text(entry, scope, strict: false);
        if (name is null)
        {
            return null;
        }

        // '!test <names>' splits on spaces and commas and reads 'tag:' as a tag: such a name could never be selected.
        if (!WordPattern().IsMatch(name) || name.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
        {
            scope.Error(entry!.Value.Line,
                $"invalid test name '{name}': a name is one word (no spaces or commas) and does not start with " +
                "'tag:', so that '!test <name>' can select it, e.g. no_negative_amounts");
            return null;
        }

        names.Add(name, entry!.Line, scope);
        return name;
    }

    private static string? Optional(SourceEntry? entry, ParseScope scope) =>
        entry is null or { Value: SourceScalar { Value: null } } ? null : SchemaValues.Text(entry, scope, strict: false);

    private static DataTestSeverity ReadSeverity(SourceEntry? entry, ParseScope scope)
    {
        var text = Optional(entry, scope);
        switch (text)
        {
            case null or "error":
                return DataTestSeverity.Error;
            case "warn":
                return DataTestSeverity.Warn;
            default:
                scope.Error(entry!.Value.Line,
                    $"unknown severity '{text}'; valid severities are: {string.Join(", ", s_severities)}");
                return DataTestSeverity.Error;
        }
    }

    private static IReadOnlyList<string> ReadTags(SourceEntry? entry, ParseScope scope)
    {
        if (entry is null or { Value: SourceScalar { Value: null } })
        {
            return [];
        }

        // One tag may be written without brackets: 'tags: nightly'.
        IReadOnlyList<SourceNode> items = entry.Value is SourceSequence list ? list.Items : [entry.Value];
        var tags = new List<string>();
        foreach (var item in items)
        {
            if (item is not SourceScalar { Value: not null } scalar)
            {
                scope.Error(item.Line, $"'tags' must be a list of words, found {item.KindName}");
            }
            else if (!WordPattern().IsMatch(scalar.Text) || scalar.Text.Contains(':', StringComparison.Ordinal))
            {
                scope.Error(item.Line,
                    $"invalid tag '{scalar.Text}': a tag is one word without spaces, commas or ':', e.g. nightly");
            }
            else if (!tags.Contains(scalar.Text, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(scalar.Text);
            }
        }

        return tags;
    }

    private static TimeSpan? ReadTimeout(SourceEntry? entry, ParseScope scope)
    {
        if (entry is null)
        {
            return null;
        }

        var value = entry.Value;
        if (value is not SourceScalar { Value: string text } || !TimeoutText.TryParse(text, out var timeout))
        {
            var found = value is SourceScalar s ? $"'{s.Text}'" : value.KindName;
            scope.Error(value.Line, $"invalid timeout {found}: write {TimeoutText.Valid}");
            return null;
        }

        if (timeout <= TimeSpan.Zero || timeout > TimeoutText.Max)
        {
            scope.Error(value.Line, $"invalid timeout '{text}': it must be more than 0 and at most 24h");
            return null;
        }

        return timeout;
    }

    private static string? ReadSkip(SourceEntry? entry, ParseScope scope) => entry?.Value switch
    {
        null or SourceScalar { Value: null or false } => null,
        SourceScalar { Value: true } => "marked skip",
        SourceScalar { Value: string } => SchemaValues.Text(entry, scope, strict: false),
        var other => Invalid(other, scope),
    };

    private static string? Invalid(SourceNode node, ParseScope scope)
    {
        scope.Error(node.Line, $"'skip' must be the reason the test is skipped (text) or true, found {node.KindName}");
        return null;
    }

    [GeneratedRegex(@"^[^\s,]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
