using System.Globalization;
using System.Text;
using System.Xml;
using LakehouseManager.Reporting;

namespace LakehouseManager.DataTests.Reports;

/// <summary>
/// JUnit XML (<c>artifacts/test-results/data-tests.xml</c>), as CodeBuild report groups, GitLab, Jenkins and most CI
/// read it: one <c>testsuite</c> per run, one <c>testcase</c> per test of the file.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A failed error-severity test has a <c>failure</c> (type = the expectation kind, e.g. <c>no_rows</c>); an
/// errored one an <c>error</c> (type = <see cref="DataTestErrorKind"/> in snake case, e.g. <c>timed_out</c>). Kept
/// apart, as JUnit means them: "the check said no" versus "the check could not run".</item>
/// <item>A warn-severity test that failed or errored is written as a passing testcase whose <c>system-out</c> starts
/// with "WARNING": the run passes (exit code 0), so CI that reads the XML must not turn red for it either, and the
/// text is still there to read.</item>
/// <item>Skipped tests have <c>skipped</c> with the reason.</item>
/// <item>Characters XML cannot hold (control characters in an engine message or a cell) are written as <c>\uXXXX</c>.</item>
/// </list>
/// </remarks>
public static class JUnitReport
{
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
            WriteCounts(xml, run);
            xml.WriteStartElement("testsuite");
            Attribute(xml, "name", $"data tests on {run.Branch}");
            WriteCounts(xml, run);
            Attribute(xml, "timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
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
        if (result.IsWarning)
        {
            Element(xml, "system-out", $"WARNING (severity warn, {Outcome(result)})\n" + PlainTextDetails.Render(result));
        }
        else if (result.Status == DataTestStatus.Failed)
        {
            Problem(xml, "failure", result, result.Test.Expectation.Kind);
        }
        else if (result.Status == DataTestStatus.Error)
        {
            Problem(xml, "error", result, SnakeCase(result.ErrorKind ?? DataTestErrorKind.Exception));
        }
        else if (result.Status == DataTestStatus.Skipped)
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
