using System.Globalization;
using System.Text;
using System.Xml;
using LakehouseManager.Reporting;

namespace LakehouseManager.DataTests.Reports;

/// <summary>
/// JUnit XML (<c>artifacts/test-results/data-tests.xml</c>) in the shape of the Apache Ant JUnit schema, the strictest
/// common one, which CodeBuild report groups, Jenkins and GitLab all read: a <c>testsuites</c> root holding one
/// <c>testsuite</c> per run (with its <c>package</c>, <c>id</c> and <c>hostname</c>), one <c>testcase</c> per test of
/// the file, and the suite's <c>system-out</c> and <c>system-err</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A failed error-severity test has a <c>failure</c> (type = the expectation kind, e.g. <c>no_rows</c>); an
/// errored one an <c>error</c> (type = <see cref="DataTestErrorKind"/> in snake case, e.g. <c>timed_out</c>). Kept
/// apart, as JUnit means them: "the check said no" versus "the check could not run".</item>
/// <item>A warn-severity test that failed or errored is a passing testcase (the run passes, exit code 0, so CI that
/// reads the XML must not turn red for it either); its details go to the suite's <c>system-out</c>, each starting with
/// "WARNING" and the test's name (the schema gives a testcase no output of its own).</item>
/// <item>Skipped tests have <c>skipped</c> with the reason.</item>
/// <item>Characters XML cannot hold (control characters in an engine message or a cell) are written as <c>\uXXXX</c>.</item>
/// <item>The host name is <c>localhost</c>, so the same run always gives the same file.</item>
/// </list>
/// </remarks>
internal static class JUnitReport
{
    /// <summary>The schema requires a host; a fixed one keeps reports reproducible.</summary>
    public const string HostName = "localhost";

    public static string Render(DataTestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteStartElement("testsuite");
            Attribute(xml, "name", $"data tests on {run.Branch}");
            Attribute(xml, "timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            Attribute(xml, "hostname", HostName);
            WriteCounts(xml, run);
            Attribute(xml, "package", run.Source);
            Attribute(xml, "id", "0");
            xml.WriteStartElement("properties");
            Property(xml, "branch", run.Branch);
            if (run.CatalogCommit is { } commit)
            {
                Property(xml, "catalogCommit", commit);
            }

            Property(xml, "engine", run.Engine);
            Property(xml, "source", run.Source);
            xml.WriteEndElement();
            foreach (var result in run.Results)
            {
                WriteCase(xml, run, result);
            }

            Element(xml, "system-out", string.Concat(run.Results.Where(r => r.IsWarning).Select(Warning)));
            Element(xml, "system-err", string.Empty);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCounts(XmlWriter xml, DataTestRun run)
    {
        Attribute(xml, "tests", run.Total.ToString(CultureInfo.InvariantCulture));
        Attribute(xml, "failures", run.Failed.ToString(CultureInfo.InvariantCulture));
        Attribute(xml, "errors", run.Errors.ToString(CultureInfo.InvariantCulture));
        Attribute(xml, "skipped", run.Skipped.ToString(CultureInfo.InvariantCulture));
        Attribute(xml, "time", DurationText.Seconds(run.Duration));
    }

    private static void WriteCase(XmlWriter xml, DataTestRun run, DataTestResult result)
    {
        xml.WriteStartElement("testcase");
        Attribute(xml, "classname", run.Source);
        Attribute(xml, "name", result.Name);
        Attribute(xml, "time", DurationText.Seconds(result.Duration));


        // A warning is a pass for CI: its details are in the suite's system-out.
        var status = result.IsWarning ? DataTestStatus.Passed : result.Status;
        if (status == DataTestStatus.Failed)
        {
            Problem(xml, "failure", result, result.Test.Expectation.Kind);
        }
        else if (status == DataTestStatus.Error)
        {
            Problem(xml, "error", result, SnakeCase(result.ErrorKind ?? DataTestErrorKind.Exception));
        }
        else if (status == DataTestStatus.Skipped)
        {
            xml.WriteStartElement("skipped");
            Attribute(xml, "message", result.Message);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Problem(XmlWriter xml, string element, DataTestResult result, string type)
    {
        xml.WriteStartElement(element);
        Attribute(xml, "message", result.Message);
        Attribute(xml, "type", type);
        xml.WriteString(XmlSafeText.Sanitize(PlainTextDetails.Render(result)));
        xml.WriteEndElement();
    }

    private static string Warning(DataTestResult result) =>
        $"WARNING {result.Name} (severity warn, {Outcome(result)})\n{PlainTextDetails.Render(result).TrimEnd('\n')}\n\n";

    private static string Outcome(DataTestResult result) =>
        result.Status == DataTestStatus.Error ? "error" : "failed";

    private static string SnakeCase(DataTestErrorKind kind) => kind switch
    {
        DataTestErrorKind.QueryFailed => "query_failed",
        DataTestErrorKind.TimedOut => "timed_out",
        DataTestErrorKind.UnexpectedResult => "unexpected_result",
        DataTestErrorKind.NotAQuery => "not_a_query",
        _ => "exception",
    };

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        Attribute(xml, "name", name);
        Attribute(xml, "value", value);
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string text) =>
        xml.WriteElementString(name, XmlSafeText.Sanitize(text));

    private static void Attribute(XmlWriter xml, string name, string value) =>
        xml.WriteAttributeString(name, XmlSafeText.Sanitize(value));
}
