using LakehouseManager.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace LakehouseManager.Tests.Deployment.CloudFormation;

/// <summary>
/// deploy/lakehouse-manager.yml loaded as YAML with CloudFormation's short tags kept on the nodes (<c>!Ref</c>,
/// <c>!Sub</c>, <c>!GetAtt</c>, <c>!If</c>, ...): YamlDotNet's representation model keeps each node's tag, so the
/// tags need no type mapping, and <see cref="TemplateEvaluator"/> resolves them.
/// </summary>
internal sealed class CloudFormationTemplate
{
    private CloudFormationTemplate(YamlMappingNode root)
    {
        Root = root;
    }

    public static string PathOnDisk { get; } = Path.Combine(BuildProcess.RepositoryRoot, "deploy", "lakehouse-manager.yml");

    public YamlMappingNode Root { get; }

    public YamlMappingNode Parameters => Map(Root, "Parameters");

    public YamlMappingNode Conditions => Map(Root, "Conditions");

    public YamlMappingNode Resources => Map(Root, "Resources");

    public static CloudFormationTemplate Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(PathOnDisk);
        yaml.Load(reader);
        return new CloudFormationTemplate((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    public YamlMappingNode Properties(string resource) => Map(Map(Resources, resource), "Properties");

    public string TypeOf(string resource) => ((YamlScalarNode)Map(Resources, resource).Children[new YamlScalarNode("Type")]).Value!;

    /// <summary>The resources of a type, by logical id.</summary>
    public IReadOnlyList<string> ResourcesOfType(string type) =>
        Resources.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(id => TypeOf(id) == type).ToList();

    public static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    public static YamlNode Child(YamlNode node, string key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    /// <summary>Every node of the tree, depth first.</summary>
    public IEnumerable<YamlNode> AllNodes() => Root.AllNodes;
}
