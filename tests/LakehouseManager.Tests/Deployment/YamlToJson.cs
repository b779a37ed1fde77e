using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LakehouseManager.Tests.Deployment;

/// <summary>
/// A YAML document as the JSON a CI reads from it, for checking against a JSON schema: plain scalars take the YAML 1.2
/// core schema's types (integers, floats, true/false, null), quoted scalars stay strings, and mapping keys are always
/// strings (GitHub reads <c>on:</c> as the key "on", not YAML 1.1's true).
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string yamlText)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(yamlText));
        return Convert(yaml.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Select(Convert).ToArray()),
        YamlScalarNode scalar => ToValue(scalar),
        _ => throw new NotSupportedException($"YAML node at {node.Start} is neither a mapping, a sequence nor a scalar"),
    };

    private static JsonObject ToObject(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            result.Add(((YamlScalarNode)key).Value!, Convert(value));
        }

        return result;
    }

    private static JsonNode? ToValue(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };
    }
}
