using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LakehouseManager.DataTests.Parsing;

/// <summary>
/// Reads one YAML document into a <see cref="SourceNode"/> tree from YamlDotNet's parser events, which carry the line
/// of every node. Anchors and aliases work (an alias shares its anchor's node); merge keys (<c>&lt;&lt;</c>) do not,
/// and show up as an unknown field.
/// </summary>
internal static partial class YamlSourceReader
{
    public static SourceNode? Read(string text, ParseErrors errors)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                errors.Add(1, "the file holds no YAML document");
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, new Dictionary<string, SourceNode>(StringComparer.Ordinal));
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart next)
            {
                errors.Add(LineOf(next.Start),
                    "the file holds more than one YAML document ('---'); put every test under one 'tests:'");
            }

            return root;
        }
        catch (YamlException e)
        {
            errors.Add(LineOf(e.Start), $"invalid YAML: {WithoutPosition(e.Message)}");
            return null;
        }
    }

    private static SourceNode ReadNode(IParser parser, Dictionary<string, SourceNode> anchors)
    {
        var current = parser.Current ?? throw new YamlException("The YAML document ends unexpectedly.");
        var line = LineOf(current.Start);
        SourceNode node;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(alias.Start, alias.End, $"Unknown alias '*{alias.Value.Value}'.");
            case Scalar scalar:
                parser.MoveNext();
                var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
                node = new SourceScalar(line, YamlScalarResolver.Resolve(scalar.Value, scalar.Style, tag), scalar.Value);
                break;
            case SequenceStart:
                parser.MoveNext();
                var items = new List<SourceNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, anchors));
                }

                node = new SourceSequence(line, items);
                break;
            case MappingStart:
                parser.MoveNext();
                var entries = new List<SourceEntry>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyEvent = parser.Current!;
                    var key = ReadNode(parser, anchors) as SourceScalar
                              ?? throw new YamlException(keyEvent.Start, keyEvent.End, "A field name must be plain text.");
                    entries.Add(new SourceEntry(key.Text, key.Line, ReadNode(parser, anchors)));
                }

                node = new SourceMapping(line, entries);
                break;
            default:
                throw new YamlException(current.Start, current.End, "This YAML content is not expected here.");
        }

        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            anchors[anchored.Anchor.Value] = node;
        }

        return node;
    }

    private static int LineOf(Mark mark) => (int)Math.Max(1, mark.Line);

    /// <summary>Drops YamlDotNet's "(Line: 3, Col: 5, Idx: 20) - (Line: ...): " prefix: the line is already in front.</summary>
    private static string WithoutPosition(string message) => PositionPrefix().Replace(message, string.Empty);

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex PositionPrefix();
}
