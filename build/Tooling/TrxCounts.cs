using System.Globalization;
using System.Xml.Linq;

/// <summary>The passed/failed counts of all TRX files in a directory (one per test project).</summary>
internal sealed record TrxCounts(int Passed, int Failed, int Files)
{
    private static readonly XNamespace s_trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TrxCounts Read(string directory)
    {
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.trx") : [];
        var counters = files
            .Select(f => XDocument.Load(f).Root?.Element(s_trx + "ResultSummary")?.Element(s_trx + "Counters"))
            .OfType<XElement>()
            .ToList();
        return new TrxCounts(Sum(counters, "passed"), Sum(counters, "failed"), files.Length);
    }

    private static int Sum(List<XElement> counters, string attribute) =>
        counters.Sum(c => int.TryParse(c.Attribute(attribute)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0);
}
