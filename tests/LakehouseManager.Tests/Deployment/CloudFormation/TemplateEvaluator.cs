using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace LakehouseManager.Tests.Deployment.CloudFormation;

/// <summary>
/// Resolves a template's values the way CloudFormation does for the intrinsics this template uses: <c>Ref</c> (of a
/// parameter, a pseudo parameter or a resource), <c>Fn::Sub</c> (both forms), <c>Fn::GetAtt</c>, <c>Fn::If</c>
/// with <c>AWS::NoValue</c>, <c>Fn::Equals</c>, <c>Fn::Not</c>, <c>Fn::Select</c>, <c>Fn::Split</c>. Resources'
/// <c>Ref</c> and <c>Arn</c> come from <paramref name="resources"/>. The result is JSON (a property's value).
/// </summary>
internal sealed partial class TemplateEvaluator(
    CloudFormationTemplate template,
    IReadOnlyDictionary<string, string> parameters,
    IReadOnlyDictionary<string, string> resources)
{
    private static readonly object s_noValue = new();

    public IReadOnlyDictionary<string, string> Pseudo { get; init; } = new Dictionary<string, string>
    {
        ["AWS::Region"] = "us-east-2",
        ["AWS::AccountId"] = "123456789012",
        ["AWS::Partition"] = "aws",
        ["AWS::URLSuffix"] = "amazonaws.com",
    };

    public JsonNode? Evaluate(YamlNode node) => Value(node) is var value && value == s_noValue ? null : (JsonNode?)value;

    public string Text(YamlNode node) => Evaluate(node)!.GetValue<string>();

    private object? Value(YamlNode node)
    {
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        switch (tag)
        {
            case "!Ref":
                var reference = Reference(((YamlScalarNode)node).Value!);
                return reference == s_noValue ? s_noValue : JsonValue.Create((string)reference);
            case "!Sub" when node is YamlScalarNode scalar:
                return JsonValue.Create(Substitute(scalar.Value!, new Dictionary<string, string>()));
            case "!Sub":
                var parts = (YamlSequenceNode)node;
                var variables = ((YamlMappingNode)parts[1]).Children.ToDictionary(
                    p => ((YamlScalarNode)p.Key).Value!, p => Evaluate(p.Value)!.GetValue<string>());
                return JsonValue.Create(Substitute(((YamlScalarNode)parts[0]).Value!, variables));
            case "!GetAtt":
                var target = ((YamlScalarNode)node).Value!;
                return JsonValue.Create(resources.TryGetValue(target, out var attribute)
                    ? attribute
                    : throw new InvalidOperationException($"!GetAtt {target}: no value given for it"));
            case "!If":
                var branches = (YamlSequenceNode)node;
                return Condition(((YamlScalarNode)branches[0]).Value!) ? Value(branches[1]) : Value(branches[2]);
            case "!Select":
                var select = (YamlSequenceNode)node;
                return JsonValue.Create(((JsonArray)Evaluate(select[1])!)[int.Parse(((YamlScalarNode)select[0]).Value!, System.Globalization.CultureInfo.InvariantCulture)]!.GetValue<string>());
            case "!Split":
                var split = (YamlSequenceNode)node;
                return new JsonArray([.. Text(split[1]).Split(((YamlScalarNode)split[0]).Value!).Select(s => (JsonNode)JsonValue.Create(s))]);
            case null or "tag:yaml.org,2002:str" or "?" or "!":
                break;
            default:
                throw new InvalidOperationException($"The evaluator does not know the tag {tag}.");
        }

        return node switch
        {
            YamlScalarNode s => JsonValue.Create(s.Value),
            YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Value).Where(v => v != s_noValue).Cast<JsonNode?>()]),
            YamlMappingNode map => new JsonObject(map.Children
                .Select(p => (Key: ((YamlScalarNode)p.Key).Value!, Value: Value(p.Value)))
                .Where(p => p.Value != s_noValue)
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            _ => throw new InvalidOperationException($"Unexpected node {node}"),
        };
    }

    public bool Condition(string name) => Truth(CloudFormationTemplate.Child(template.Conditions, name));

    private bool Truth(YamlNode node) => node.Tag.Value switch
    {
        "!Not" => !Truth(((YamlSequenceNode)node)[0]),
        "!Equals" => Equals(Evaluate(((YamlSequenceNode)node)[0])?.ToJsonString(), Evaluate(((YamlSequenceNode)node)[1])?.ToJsonString()),
        "!Condition" => Condition(((YamlScalarNode)node).Value!),
        var other => throw new InvalidOperationException($"The evaluator does not know the condition function {other}."),
    };

    private object Reference(string name) =>
        name == "AWS::NoValue" ? s_noValue
        : Pseudo.TryGetValue(name, out var pseudo) ? pseudo
        : parameters.TryGetValue(name, out var value) ? value
        : template.Parameters.Children.TryGetValue(new YamlScalarNode(name), out var declared) &&
          ((YamlMappingNode)declared).Children.TryGetValue(new YamlScalarNode("Default"), out var fallback)
            ? ((YamlScalarNode)fallback).Value!
        : resources.TryGetValue(name, out var physical) ? physical
        : throw new InvalidOperationException($"!Ref {name}: neither a parameter with a value nor a resource given");

    private string Substitute(string text, IReadOnlyDictionary<string, string> variables) =>
        SubVariable().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            return variables.TryGetValue(name, out var local) ? local
                : name.Contains('.', StringComparison.Ordinal) ? resources[name]
                : (string)Reference(name);
        });

    [GeneratedRegex(@"\$\{([A-Za-z0-9:.]+)\}")]
    private static partial Regex SubVariable();
}
