using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>A conflict as Nessie reports it (<c>Conflict.java</c>): its type, the key (none for UNEXPECTED_HASH) and a message.</summary>
public sealed record NessieFakeConflict(string ConflictType, ContentKey? Key, string Message)
{
    // Message templates from RefMapping.commitConflictToConflict and BaseCommitHelper (api-facts A.6).
    public static NessieFakeConflict KeyExists(ContentKey key) => new("KEY_EXISTS", key, $"key '{Dotted(key)}' already exists");

    public static NessieFakeConflict KeyDoesNotExist(ContentKey key) =>
        new("KEY_DOES_NOT_EXIST", key, $"key '{Dotted(key)}' does not exist");

    public static NessieFakeConflict ValueDiffers(ContentKey key) =>
        new("VALUE_DIFFERS", key, $"values of existing and expected content for key '{Dotted(key)}' are different");

    public static NessieFakeConflict NamespaceAbsent(ContentKey key) =>
        new("NAMESPACE_ABSENT", key, $"namespace '{Dotted(key)}' must exist");

    public static NessieFakeConflict NamespaceNotEmpty(ContentKey key) =>
        new("NAMESPACE_NOT_EMPTY", key, $"namespace '{Dotted(key)}' is not empty");

    public static NessieFakeConflict UnexpectedHash(string reference, string expected, string actual) =>
        new("UNEXPECTED_HASH", null, $"named-reference '{reference}' is not at expected hash '{expected}', but at '{actual}'");

    /// <summary>A key as Nessie's <c>ContentKey.toString()</c> writes it: elements joined by dots.</summary>
    public static string Dotted(ContentKey key) => string.Join('.', key.Elements);
}
