using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;
using LakehouseManager.Deployment;
using TargetRunner;

/// <summary>
/// The bundle (issue 12): Pack builds the self-contained tool and zips it, offline; Publish uploads that zip to S3 with
/// AWSSDK.S3 (bucket lakehouse-manager-packages-{stage}, created when missing) and prints a presigned URL valid for 7
/// days and the lines that use it.
/// </summary>
internal partial class Build
{
    [Parameter("Publish: the stage in the bucket name lakehouse-manager-packages-{stage} - Default is LAKEHOUSE_STAGE, then the user name")]
    private readonly string? Stage;

    [Parameter("Pack, Publish: the runtime identifier of the bundle, e.g. linux-x64 (CodeBuild's LINUX_CONTAINER) or linux-arm64 - Default is this machine's")]
    private readonly string Runtime = RuntimeInformation.RuntimeIdentifier;

    private AbsolutePath PublishDirectory => ArtifactsDirectory / "publish" / Runtime;

    private AbsolutePath PackageZip => ArtifactsDirectory / "publish" / $"lakehouse-manager-{Runtime}.zip";

    private Target Pack => _ => _
        .Description("Builds the tool self-contained (no SDK needed) into artifacts/publish/<rid>/lakehouse-manager and zips it to artifacts/publish/lakehouse-manager-<rid>.zip; offline, no AWS")
        .Executes(async ct =>
        {
            DevTasks.DeleteDirectory(PublishDirectory);
            await DotNet.RunAsync(
                ["publish", RootDirectory / "build" / "_build.csproj", "-c", "Release", "-r", Runtime,
                    "--self-contained", "-o", PublishDirectory, "--artifacts-path", ArtifactsDirectory / "publish-build",
                    // Precompiled (ReadyToRun): a CodeBuild job starts the tool once, so start-up time is JIT time saved.
                    "-p:PublishReadyToRun=true"],
                ct);
            var executable = DevTasks.RenameAppHost(PublishDirectory, "_build", "lakehouse-manager");
            if (Runtime == RuntimeInformation.RuntimeIdentifier)
            {
                await ProcessRunner.RunAsync(executable, ["--help", "--no-logo", "--root", RootDirectory], RootDirectory, ct, quiet: true);
            }

            File.Delete(PackageZip);
            ZipFile.CreateFromDirectory(PublishDirectory, PackageZip, CompressionLevel.Optimal, includeBaseDirectory: false);
            ReportSummary(_ => _
                .AddPair("Executable", executable.GetRelativePathTo(RootDirectory))
                .AddPair("Zip", PackageZip.GetRelativePathTo(RootDirectory)));
        });

    private Target Publish => _ => _
        .Description("Uploads the Pack zip to s3://lakehouse-manager-packages-{stage}/ (the bucket is created when missing) and prints a presigned URL valid for 7 days; Pack alone stays offline")
        .DependsOn(Pack)
        .Executes(async ct =>
        {
            var version = typeof(LakehouseStack).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
            var location = PackageLocation.Resolve(
                Stage, Environment.GetEnvironmentVariable("LAKEHOUSE_STAGE"), Environment.UserName, version, Lakehouse.TimeProvider.GetUtcNow(), Runtime);
            var package = await Pipeline.PublishPackageAsync(PackageZip, location, ct);
            Log.Information("Published {Uri}{Created}", package.S3Uri, package.BucketCreated ? " (bucket created)" : "");
            Log.Information("Presigned URL, valid until {Expires:yyyy-MM-ddTHH:mm:ssZ}:", package.Expires.UtcDateTime);
            Log.Information("{Url}", package.PresignedUrl);
            Log.Information("Deploy it (the project reads s3:// with its role; the presigned URL suits a one-off build):");
            Log.Information("  ./build.sh Deploy --package-url {Uri} --repo-name REPO --role-arn ROLE_ARN --dry-run", package.S3Uri);
            Log.Information("  or set LAKEHOUSE_MANAGER_URL={Url} on the CodeBuild project", package.PresignedUrl);
            ReportSummary(_ => _.AddPair("Package", package.S3Uri).AddPair("URL expires", package.Expires.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ")));
        });
}
