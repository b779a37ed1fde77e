using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// An operation asked for in a commit: PUT (with the content id the client gave, null for a new key, and a function
/// that builds the content once the fake knows its id), DELETE or UNCHANGED.
/// </summary>
public sealed record NessieFakeOperationRequest(string Type, ContentKey Key, string? ContentId, Func<string, NessieFakeContent>? MakeContent)
{
    public static NessieFakeOperationRequest Put(ContentKey key, string? contentId, Func<string, NessieFakeContent> makeContent) =>
        new("PUT", key, contentId, makeContent);

    public static NessieFakeOperationRequest Delete(ContentKey key) => new("DELETE", key, null, null);
}

/// <summary>The metadata a commit or merge asks for: the message and authors (the server adds the rest).</summary>
public sealed record NessieFakeCommitMetaRequest(string Message, IReadOnlyList<string> Authors)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Properties { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
}
