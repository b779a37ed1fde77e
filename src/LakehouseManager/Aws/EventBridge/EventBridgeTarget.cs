using System.Text.Json;

namespace LakehouseManager.Aws.EventBridge;

/// <summary>
/// A rule's target (the model's <c>Target</c>, PascalCase members): for this project a CodeBuild project ARN with the
/// role EventBridge assumes to call StartBuild, and an <see cref="InputTransformer"/> that turns the event into
/// StartBuild's input (api-facts C.4).
/// </summary>
internal sealed record EventBridgeTarget(string Id, string Arn)
{
    public string? RoleArn { get; init; }

    public string? Input { get; init; }

    public string? InputPath { get; init; }

    public EventBridgeInputTransformer? InputTransformer { get; init; }

    public static EventBridgeTarget Parse(JsonElement json) =>
        new(AwsJson.RequiredString(json, "Id"), AwsJson.RequiredString(json, "Arn"))
        {
            RoleArn = AwsJson.String(json, "RoleArn"),
            Input = AwsJson.String(json, "Input"),
            InputPath = AwsJson.String(json, "InputPath"),
            InputTransformer = AwsJson.Object(json, "InputTransformer", EventBridgeInputTransformer.Parse),
        };

    public static void Write(Utf8JsonWriter writer, EventBridgeTarget target)
    {
        writer.WriteStartObject();
        writer.WriteString("Id", target.Id);
        writer.WriteString("Arn", target.Arn);
        writer.WriteOptional("RoleArn", target.RoleArn);
        writer.WriteOptional("Input", target.Input);
        writer.WriteOptional("InputPath", target.InputPath);
        writer.WriteOptional("InputTransformer", target.InputTransformer, EventBridgeInputTransformer.WriteMembers);
        writer.WriteEndObject();
    }
}

/// <summary>
/// The model's <c>InputTransformer</c>: JSON paths into the event by name, and a template where <c>&lt;name&gt;</c>
/// stands for each (a string value is put in with its quotes).
/// </summary>
internal sealed record EventBridgeInputTransformer(string InputTemplate)
{
    public IReadOnlyDictionary<string, string>? InputPathsMap { get; init; }

    public static EventBridgeInputTransformer Parse(JsonElement json) =>
        new(AwsJson.RequiredString(json, "InputTemplate"))
        {
            InputPathsMap = AwsJson.Map(json, "InputPathsMap", path => path.GetString() ?? ""),
        };

    public static void WriteMembers(Utf8JsonWriter writer, EventBridgeInputTransformer transformer)
    {
        writer.WriteOptional("InputPathsMap", transformer.InputPathsMap);
        writer.WriteString("InputTemplate", transformer.InputTemplate);
    }
}
