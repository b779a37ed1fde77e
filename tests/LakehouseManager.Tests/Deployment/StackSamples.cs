using LakehouseManager.Composition;
using LakehouseManager.Deployment;
using LakehouseManager.Tests.Support;

namespace LakehouseManager.Tests.Deployment;

/// <summary>Deployment settings of the tests: the sample events' repository, each test its own project name.</summary>
internal static class StackSamples
{
    public const string RoleArn = "arn:aws:iam::123456789012:role/lakehouse-manager";

    public static StackSettings Settings(string projectName, string region = "us-east-1") => new()
    {
        RepositoryName = "MyDemoRepo",
        Region = region,
        ServiceRoleArn = RoleArn,
        PackageUrl = "s3://lakehouse-manager-packages-dev/lakehouse-manager-1.0.0-20260102T030405Z-linux-x64.zip",
        ProjectName = projectName,
        PatSecretName = "lakehouse/dremio-pat",
        Catalog = CatalogKind.DremioCloud,
        CatalogSettings = new Dictionary<string, string> { ["ProjectId"] = "1e2f3a4b-0000-1111-2222-333344445555" },
        TestsPath = "tests/data-tests.yaml",
        Buildspec = File.ReadAllText(Path.Combine(BuildProcess.RepositoryRoot, "buildspec.yml")),
    };
}
