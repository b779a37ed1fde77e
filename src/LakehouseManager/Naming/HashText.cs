namespace LakehouseManager.Naming;

/// <summary>How hashes are shown to people: the first 12 hex digits, like git's abbreviated ids.</summary>
public static class HashText
{
    public const int ShortLength = 12;

    public static string Short(string? hash) =>
        hash is null ? "(none)" : hash.Length > ShortLength ? hash[..ShortLength] : hash;
}
