using Xunit;

namespace LakehouseManager.Tests.Aws;

/// <summary>
/// Sets the process's AWS environment for one test and restores it afterwards: every variable the SDK's credential
/// chain reads is cleared unless given, the EC2 metadata service is off, and the profile files point into a temporary
/// folder, so the machine's own credentials never leak in.
/// </summary>
internal sealed class AwsEnvironmentScope : IDisposable
{
    private static readonly string[] s_variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN", "AWS_EC2_METADATA_DISABLED",
    ];

    private readonly Dictionary<string, string?> _saved;
    private readonly string? _savedProfilesLocation = Amazon.AWSConfigs.AWSProfilesLocation;
    private readonly Support.TempDirectory _folder = new("lhm-aws-env");

    public AwsEnvironmentScope(params (string Name, string Value)[] variables)
    {
        _saved = s_variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        foreach (var name in s_variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", _folder.Combine("credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", _folder.Combine("config"));
        // AWSSDK.Core reads AWS_SHARED_CREDENTIALS_FILE once per process (SharedCredentialsFile's static constructor), so
        // a test that comes later points the SDK at its file through the SDK's own setting.
        Amazon.AWSConfigs.AWSProfilesLocation = _folder.Combine("credentials");
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>Writes the shared credentials file (<c>AWS_SHARED_CREDENTIALS_FILE</c>).</summary>
    public void WriteCredentialsFile(string content) => File.WriteAllText(_folder.Combine("credentials"), content);

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Amazon.AWSConfigs.AWSProfilesLocation = _savedProfilesLocation;
        _folder.Dispose();
    }
}

/// <summary>Tests that change the process's AWS environment run alone.</summary>
[CollectionDefinition(nameof(AwsEnvironmentCollection), DisableParallelization = true)]
public sealed class AwsEnvironmentCollection;
