using System.Xml;
using System.Xml.Schema;

namespace LakehouseManager.Tests.DataTests;

/// <summary>
/// Validates JUnit XML against the Apache Ant JUnit schema (<c>TestData/JUnit/JUnit.xsd</c>, from
/// windyroad/JUnit-Schema): the strictest of the common JUnit shapes, which CodeBuild, Jenkins and GitLab all read.
/// </summary>
internal static class JUnitSchema
{
    private static readonly Lazy<XmlSchemaSet> s_schemas = new(Load);

    /// <summary>
    /// Every validity error, with its line; empty when the document is valid. (The schema declares <c>skipped</c> with
    /// no type, so its <c>message</c> attribute is allowed and checked laxly: a warning, not an error.)
    /// </summary>
    public static IReadOnlyList<string> Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = s_schemas.Value };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                problems.Add($"line {e.Exception.LineNumber}: {e.Message}");
            }
        };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    private static XmlSchemaSet Load()
    {
        var schemas = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "TestData", "JUnit", "JUnit.xsd"));
        schemas.Add(null, reader);
        schemas.Compile();
        return schemas;
    }
}
