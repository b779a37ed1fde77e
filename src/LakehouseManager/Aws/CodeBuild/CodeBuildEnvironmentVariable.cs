using System.Text.Json;

namespace LakehouseManager.Aws.CodeBuild;

/// <summary>
/// An environment variable of a project or a build (the model's <c>EnvironmentVariable</c>): <c>PLAINTEXT</c>, or the
/// name of a <c>PARAMETER_STORE</c> parameter or <c>SECRETS_MANAGER</c> secret that CodeBuild resolves itself.
/// </summary>
internal sealed record CodeBuildEnvironmentVariable(string Name, string Value, string? Type = CodeBuildEnvironmentVariable.Plaintext)
{
    public const string Plaintext = "PLAINTEXT";

    public const string ParameterStore = "PARAMETER_STORE";

    public const string SecretsManager = "SECRETS_MANAGER";

    public static CodeBuildEnvironmentVariable Parse(JsonElement json) =>
        new(AwsJson.RequiredString(json, "name"), AwsJson.String(json, "value") ?? "", AwsJson.String(json, "type"));

    public static void Write(Utf8JsonWriter writer, CodeBuildEnvironmentVariable variable)
    {
        writer.WriteStartObject();
        writer.WriteString("name", variable.Name);
        writer.WriteString("value", variable.Value);
        writer.WriteOptional("type", variable.Type);
        writer.WriteEndObject();
    }
}
