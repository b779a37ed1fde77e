using System.Globalization;
using System.Text.Json;

namespace LakehouseManager.Tests.Aws.Botocore;

/// <summary>
/// Checks JSON 1.1 payloads against a botocore model: member names (case-sensitive), types (string, integer, long,
/// double, boolean, timestamp as epoch seconds, blob as base64, list, map, structure), required members, enums and
/// string lengths. Error answers are checked against the operation's modeled errors plus the errors every AWS JSON
/// service may send (throttling, authentication, serialization).
/// </summary>
internal sealed class BotocoreShapeValidator(JsonElement model, string source)
{
    private static readonly HashSet<string> s_commonErrors = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "TooManyRequestsException", "ServiceUnavailableException", "InternalFailure", "AccessDeniedException",
        "UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignatureException", "MissingAuthenticationTokenException",
        "ExpiredTokenException", "SerializationException", "ValidationException", "UnknownOperationException",
    };

    /// <summary>The model file read.</summary>
    public string Source { get; } = source;

    /// <summary>The model's version, e.g. <c>2015-04-13</c>.</summary>
    public string ApiVersion => model.GetProperty("metadata").GetProperty("apiVersion").GetString()!;

    public bool HasOperation(string operation) => model.GetProperty("operations").TryGetProperty(operation, out _);

    /// <summary>The problems of an operation's output; empty when it conforms.</summary>
    public IReadOnlyList<string> ValidateOutput(string operation, JsonElement output) => Validate(operation, "output", output);

    /// <summary>The problems of an operation's input; empty when it conforms.</summary>
    public IReadOnlyList<string> ValidateInput(string operation, JsonElement input) => Validate(operation, "input", input);

    /// <summary>A problem when <paramref name="errorCode"/> is neither modeled for the operation nor common to AWS JSON services.</summary>
    public IReadOnlyList<string> ValidateError(string operation, string errorCode)
    {
        var modeled = Operation(operation).TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        return modeled.Contains(errorCode) || s_commonErrors.Contains(errorCode)
            ? []
            : [$"{operation}: error '{errorCode}' is not one of the operation's modeled errors ({string.Join(", ", modeled.Order(StringComparer.Ordinal))})"];
    }

    private IReadOnlyList<string> Validate(string operation, string direction, JsonElement value)
    {
        var problems = new List<string>();
        if (Operation(operation).TryGetProperty(direction, out var shape))
        {
            Check(shape.GetProperty("shape").GetString()!, value, operation, problems);
        }
        else if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Any())
        {
            problems.Add($"{operation}: the model has no {direction}, but the payload is not {{}}");
        }

        return problems;
    }

    private JsonElement Operation(string operation) =>
        model.GetProperty("operations").TryGetProperty(operation, out var definition)
            ? definition
            : throw new ArgumentException($"The model in {Source} has no operation '{operation}'.", nameof(operation));

    private void Check(string shapeName, JsonElement value, string path, List<string> problems)
    {
        var shape = model.GetProperty("shapes").GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: expected a structure ({shapeName}), got {value.ValueKind}");
                    return;
                }

                var members = shape.GetProperty("members");
                foreach (var property in value.EnumerateObject())
                {
                    if (members.TryGetProperty(property.Name, out var member))
                    {
                        if (property.Value.ValueKind != JsonValueKind.Null)
                        {
                            Check(member.GetProperty("shape").GetString()!, property.Value, $"{path}.{property.Name}", problems);
                        }
                    }
                    else
                    {
                        problems.Add($"{path}.{property.Name}: not a member of {shapeName}");
                    }
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out var present) || present.ValueKind == JsonValueKind.Null)
                        {
                            problems.Add($"{path}.{name}: required by {shapeName} but missing");
                        }
                    }
                }

                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}: expected a list ({shapeName}), got {value.ValueKind}");
                    return;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(shape.GetProperty("member").GetProperty("shape").GetString()!, item, $"{path}[{index++}]", problems);
                }

                break;
            case "map":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: expected a map ({shapeName}), got {value.ValueKind}");
                    return;
                }

                foreach (var property in value.EnumerateObject())
                {
                    Check(shape.GetProperty("value").GetProperty("shape").GetString()!, property.Value, $"{path}[{property.Name}]", problems);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{path}: expected a string ({shapeName}), got {value.ValueKind}");
                    return;
                }

                var text = value.GetString()!;
                if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == text))
                {
                    problems.Add($"{path}: '{text}' is not one of {shapeName}'s values");
                }

                if (shape.TryGetProperty("max", out var max) && text.Length > max.GetInt64())
                {
                    problems.Add($"{path}: longer than {shapeName}'s maximum of {max.GetInt64()}");
                }

                if (shape.TryGetProperty("min", out var min) && text.Length < min.GetInt64())
                {
                    problems.Add($"{path}: shorter than {shapeName}'s minimum of {min.GetInt64()}");
                }

                break;
            case "integer" or "long":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _))
                {
                    problems.Add($"{path}: expected an integer ({shapeName}), got {value}");
                }

                break;
            case "double" or "float":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected a number ({shapeName}), got {value.ValueKind}");
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean ({shapeName}), got {value.ValueKind}");
                }

                break;
            case "timestamp":
                // JSON protocols send epoch seconds unless the shape says otherwise (timestampFormat).
                var format = shape.TryGetProperty("timestampFormat", out var f) ? f.GetString() : "unixTimestamp";
                var valid = format == "unixTimestamp"
                    ? value.ValueKind == JsonValueKind.Number
                    : value.ValueKind == JsonValueKind.String &&
                        DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
                if (!valid)
                {
                    problems.Add($"{path}: expected a {format} timestamp ({shapeName}), got {value}");
                }

                break;
            case "blob":
                if (value.ValueKind != JsonValueKind.String || !Convert.TryFromBase64String(value.GetString()!, new byte[value.GetString()!.Length], out _))
                {
                    problems.Add($"{path}: expected base64 ({shapeName})");
                }

                break;
            default:
                problems.Add($"{path}: the validator does not know the type '{type}' of {shapeName}");
                break;
        }
    }
}
