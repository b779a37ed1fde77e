using System.Text.Json;
using System.Text.RegularExpressions;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>Reads and checks an operation's input members, with the model's exceptions for bad ones.</summary>
internal static partial class CodeCommitFakeInput
{
    public static string? String(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw new CodeCommitFakeError("SerializationException", $"'{name}' must be a string.")
            : null;

    /// <summary>A member the operation requires; <paramref name="requiredException"/> when it is missing or empty.</summary>
    public static string Required(JsonElement input, string name, string requiredException) =>
        String(input, name) is { Length: > 0 } value
            ? value
            : throw new CodeCommitFakeError(requiredException, $"A value for '{name}' is required.");

    public static int? Int(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
                ? number
                : throw new CodeCommitFakeError("SerializationException", $"'{name}' must be an integer.")
            : null;

    public static long? Long(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
                ? number
                : throw new CodeCommitFakeError("SerializationException", $"'{name}' must be an integer.")
            : null;

    /// <summary><c>maxResults</c> from 1 to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static int MaxResults(JsonElement input, int max, int fallback) =>
        Int(input, "maxResults") switch
        {
            null => fallback,
            var value when value >= 1 && value <= max => value.Value,
            var value => throw new CodeCommitFakeError("InvalidMaxResultsException", $"The maxResults value {value} is not from 1 to {max}."),
        };

    /// <summary>A pull request id: a positive integer as a string.</summary>
    public static string PullRequestId(JsonElement input)
    {
        var id = Required(input, "pullRequestId", "PullRequestIdRequiredException");
        return long.TryParse(id, out var number) && number > 0 && number.ToString(System.Globalization.CultureInfo.InvariantCulture) == id
            ? id
            : throw new CodeCommitFakeError("InvalidPullRequestIdException", $"The pull request ID '{id}' is not valid.");
    }

    /// <summary>A full commit id (40 hexadecimal characters).</summary>
    public static string CommitId(JsonElement input, string name)
    {
        var id = Required(input, name, "CommitIdRequiredException");
        return CommitIdPattern().IsMatch(id)
            ? id
            : throw new CodeCommitFakeError("InvalidCommitIdException", $"The commit ID '{id}' is not valid.");
    }

    /// <summary>An idempotency token: 1 to 64 characters (null when absent).</summary>
    public static string? ClientRequestToken(JsonElement input)
    {
        var token = String(input, "clientRequestToken");
        return token is null || token.Length is >= 1 and <= 64
            ? token
            : throw new CodeCommitFakeError("InvalidClientRequestTokenException", "The client request token is not valid.");
    }

    /// <summary>Comment content: present, at most 10,240 characters.</summary>
    public static string Content(JsonElement input)
    {
        var content = String(input, "content");
        if (string.IsNullOrEmpty(content))
        {
            throw new CodeCommitFakeError("CommentContentRequiredException", "The comment is empty. You must provide some content for a comment.");
        }

        return content.Length <= 10_240
            ? content
            : throw new CodeCommitFakeError(
                "CommentContentSizeLimitExceededException", "The comment is too large. Comments are limited to 10,240 characters.");
    }

    [GeneratedRegex("^[0-9a-f]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitIdPattern();
}
