using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using LakehouseManager.Composition;
using LakehouseManager.Deployment;
using LakehouseManager.Tests.Deployment.CloudFormation;
using LakehouseManager.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace LakehouseManager.Tests.Deployment;

/// <summary>
/// deploy/lakehouse-manager.yml: valid for cfn-lint, every reference resolvable, least privilege, and equal to the
/// one definition Deploy creates (<see cref="LakehouseStack"/>): the project, its variables and buildspec, the rules'
/// patterns, input transformers and schedule.
/// </summary>
public sealed class CloudFormationTemplateTests
{
    private const string BuildRoleArn = "arn:aws:iam::123456789012:role/lakehouse-manager-build";
    private const string EventsRoleArn = "arn:aws:iam::123456789012:role/lakehouse-manager-events";

    private static readonly string[] s_knownTypes =
        ["AWS::IAM::Role", "AWS::CodeBuild::Project", "AWS::CodeBuild::ReportGroup", "AWS::Events::Rule"];

    private static readonly string[] s_pseudoParameters = ["AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix", "AWS::NoValue"];

    [Fact(Timeout = 120_000)]
    public async Task Cfn_lint_finds_nothing_to_report()
    {
        var result = await Cli.Wrap("cfn-lint").WithArguments([CloudFormationTemplate.PathOnDisk])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(110)).Token);

        Assert.True(result.ExitCode == 0, $"cfn-lint (pip install cfn-lint) exited {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
    }

    [Fact]
    public void Every_reference_names_a_parameter_a_resource_or_a_pseudo_parameter_and_every_type_is_known()
    {
        var template = CloudFormationTemplate.Load();
        var parameters = template.Parameters.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        var resources = template.Resources.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        var conditions = template.Conditions.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        var tagged = template.AllNodes().Where(n => !n.Tag.IsEmpty && n.Tag.Value.StartsWith('!')).ToList();

        var badRefs = tagged.Where(n => n.Tag.Value == "!Ref").Select(n => ((YamlScalarNode)n).Value!)
            .Where(name => !parameters.Contains(name) && !resources.Contains(name) && !s_pseudoParameters.Contains(name)).ToList();
        var badAtts = tagged.Where(n => n.Tag.Value == "!GetAtt").Select(n => ((YamlScalarNode)n).Value!.Split('.')[0])
            .Where(name => !resources.Contains(name)).ToList();
        var badSubs = tagged.Where(n => n.Tag.Value == "!Sub")
            .Select(n => n is YamlScalarNode s ? s.Value! : ((YamlScalarNode)((YamlSequenceNode)n)[0]).Value!)
            .SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, @"\$\{([A-Za-z0-9:.]+)\}").Select(m => m.Groups[1].Value))
            .Where(name => name != "Bucket" && !parameters.Contains(name) && !s_pseudoParameters.Contains(name) && !resources.Contains(name.Split('.')[0]))
            .ToList();
        var badConditions = tagged.Where(n => n.Tag.Value == "!If").Select(n => ((YamlScalarNode)((YamlSequenceNode)n)[0]).Value!)
            .Where(name => !conditions.Contains(name)).ToList();

        Assert.Empty(badRefs);
        Assert.Empty(badAtts);
        Assert.Empty(badSubs);
        Assert.Empty(badConditions);
        Assert.All(resources, id => Assert.Contains(template.TypeOf(id), s_knownTypes));
        Assert.Equal(3, template.ResourcesOfType("AWS::Events::Rule").Count);
        Assert.Single(template.ResourcesOfType("AWS::CodeBuild::ReportGroup"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_project_and_the_rules_are_the_ones_Deploy_creates(bool withOptionalSettings)
    {
        var template = CloudFormationTemplate.Load();
        var parameters = new Dictionary<string, string>
        {
            ["RepositoryName"] = "MyDemoRepo",
            ["PatSecretName"] = "lakehouse/dremio-pat",
            ["PackageUrl"] = "s3://lakehouse-manager-packages-dev/lakehouse-manager-1.0.0-20260102T030405Z-linux-x64.zip",
            ["Catalog"] = "dremio-cloud",
        };
        if (withOptionalSettings)
        {
            parameters["ProjectId"] = "1e2f3a4b-0000-1111-2222-333344445555";
            parameters["DremioCloudRegion"] = "eu";
            parameters["CatalogName"] = "lake";
            parameters["MirrorPath"] = "views";
            parameters["TestsPath"] = "tests/data-tests.yaml";
            parameters["Schedule"] = "rate(10 minutes)";
        }

        var evaluator = Evaluator(template, parameters);
        var stack = new StackSettings
        {
            RepositoryName = "MyDemoRepo",
            Region = "us-east-2",
            ServiceRoleArn = BuildRoleArn,
            EventsRoleArn = EventsRoleArn,
            PackageUrl = parameters["PackageUrl"],
            PatSecretName = "lakehouse/dremio-pat",
            Catalog = CatalogKind.DremioCloud,
            CatalogSettings = LakehouseStack.CatalogSettings
                .Where(v => parameters.ContainsKey(v.TemplateParameter!)).ToDictionary(v => v.TemplateParameter!, v => parameters[v.TemplateParameter!]),
            MirrorPath = parameters.GetValueOrDefault("MirrorPath", ""),
            TestsPath = parameters.GetValueOrDefault("TestsPath"),
            Schedule = parameters.GetValueOrDefault("Schedule", StackSettings.DefaultSchedule),
            Buildspec = File.ReadAllText(Path.Combine(BuildProcess.RepositoryRoot, "buildspec.yml")),
        };

        var project = (JsonObject)evaluator.Evaluate(template.Properties("Project"))!;
        var wanted = LakehouseStack.Project(stack);

        Assert.Equal(wanted.Name, project["Name"]!.GetValue<string>());
        Assert.Equal(wanted.Description, project["Description"]!.GetValue<string>());
        Assert.Equal(wanted.ServiceRole, project["ServiceRole"]!.GetValue<string>());
        Assert.Equal(wanted.TimeoutInMinutes.ToString(), project["TimeoutInMinutes"]!.ToString());
        Assert.Equal(wanted.Artifacts.Type, project["Artifacts"]!["Type"]!.GetValue<string>());
        Assert.Equal(wanted.Source.Type, project["Source"]!["Type"]!.GetValue<string>());
        Assert.Equal(wanted.Source.Location, project["Source"]!["Location"]!.GetValue<string>());
        Assert.Equal(wanted.Source.GitCloneDepth.ToString(), project["Source"]!["GitCloneDepth"]!.ToString());
        Assert.Equal(stack.Buildspec.TrimEnd(), project["Source"]!["BuildSpec"]!.GetValue<string>().TrimEnd());
        Assert.Equal(
            (wanted.Environment.Type, wanted.Environment.Image, wanted.Environment.ComputeType),
            (project["Environment"]!["Type"]!.GetValue<string>(), project["Environment"]!["Image"]!.GetValue<string>(),
                project["Environment"]!["ComputeType"]!.GetValue<string>()));
        Assert.Equal(
            wanted.Environment.EnvironmentVariables.Select(v => $"{v.Name}={v.Value}"),
            project["Environment"]!["EnvironmentVariables"]!.AsArray().Select(v => $"{v!["Name"]}={v["Value"]}"));

        var rules = template.ResourcesOfType("AWS::Events::Rule").Select(id => (JsonObject)evaluator.Evaluate(template.Properties(id))!)
            .ToDictionary(r => r["Name"]!.GetValue<string>());
        var definitions = LakehouseStack.Rules(stack);
        Assert.Equal(definitions.Select(d => d.Name).Order(), rules.Keys.Order());
        foreach (var definition in definitions)
        {
            var rule = rules[definition.Name];
            var target = Assert.Single(rule["Targets"]!.AsArray())!;
            Assert.Equal("ENABLED", rule["State"]!.GetValue<string>());
            Assert.Equal(definition.Description, rule["Description"]!.GetValue<string>());
            Assert.Equal(definition.ScheduleExpression, rule["ScheduleExpression"]?.GetValue<string>());
            Assert.True(
                JsonNode.DeepEquals(definition.EventPattern is null ? null : JsonNode.Parse(definition.EventPattern), rule["EventPattern"]),
                $"{definition.Name}: the template's event pattern differs from the definition's");
            Assert.Equal((definition.Target.Id, definition.Target.Arn, definition.Target.RoleArn),
                (target["Id"]!.GetValue<string>(), target["Arn"]!.GetValue<string>(), target["RoleArn"]!.GetValue<string>()));
            Assert.True(JsonNode.DeepEquals(definition.Target.Input is null ? null : JsonNode.Parse(definition.Target.Input),
                target["Input"] is { } input ? JsonNode.Parse(input.GetValue<string>()) : null));
            Assert.Equal(definition.Target.InputTransformer?.InputTemplate, target["InputTransformer"]?["InputTemplate"]?.GetValue<string>());
            Assert.Equal(
                definition.Target.InputTransformer?.InputPathsMap?.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}") ?? [],
                target["InputTransformer"]?["InputPathsMap"]?.AsObject().OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}") ?? []);
        }
    }

    [Fact]
    public void The_projects_role_reaches_only_this_repository_this_secret_its_logs_reports_and_bundle()
    {
        var template = CloudFormationTemplate.Load();
        var role = Evaluator(template, new Dictionary<string, string>
        {
            ["RepositoryName"] = "MyDemoRepo",
            ["PatSecretName"] = "lakehouse/dremio-pat",
            ["PackageUrl"] = "s3://lakehouse-manager-packages-dev/pkg.zip",
        }).Evaluate(template.Properties("BuildRole"))!;

        var statements = role["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray()
            .ToDictionary(s => s!["Sid"]!.GetValue<string>(), s => s!);
        var resources = statements.Values.SelectMany(s => s["Resource"] is JsonArray many ? many.Select(r => r!.GetValue<string>()) : [s["Resource"]!.GetValue<string>()]).ToList();
        var actions = statements.Values.SelectMany(s => s["Action"] is JsonArray many ? many.Select(a => a!.GetValue<string>()) : [s["Action"]!.GetValue<string>()]).ToList();

        Assert.Equal("arn:aws:codecommit:us-east-2:123456789012:MyDemoRepo", statements["Repository"]["Resource"]!.GetValue<string>());
        Assert.Contains("codecommit:GitPush", actions);
        Assert.Contains("codecommit:PostCommentReply", actions);
        Assert.Equal("arn:aws:secretsmanager:us-east-2:123456789012:secret:lakehouse/dremio-pat-??????", statements["PatSecret"]["Resource"]!.GetValue<string>());
        Assert.Equal("secretsmanager:GetSecretValue", statements["PatSecret"]["Action"]!.GetValue<string>());
        Assert.Equal("arn:aws:s3:::lakehouse-manager-packages-dev/*", statements["Bundle"]["Resource"]!.GetValue<string>());
        Assert.DoesNotContain(resources, r => r == "*");
        Assert.DoesNotContain(actions, a => a.EndsWith(":*", StringComparison.Ordinal) || a == "*");
        Assert.Equal(["Bundle", "Logs", "PatSecret", "Reports", "Repository"], statements.Keys.Order());
    }

    private static TemplateEvaluator Evaluator(CloudFormationTemplate template, IReadOnlyDictionary<string, string> parameters) =>
        new(template, parameters, new Dictionary<string, string>
        {
            ["BuildRole.Arn"] = BuildRoleArn,
            ["EventsRole.Arn"] = EventsRoleArn,
            ["Project.Arn"] = "arn:aws:codebuild:us-east-2:123456789012:project/lakehouse-manager",
            ["Project"] = "lakehouse-manager",
            ["DataTestsReportGroup.Arn"] = "arn:aws:codebuild:us-east-2:123456789012:report-group/lakehouse-manager-data-tests",
        });
}
