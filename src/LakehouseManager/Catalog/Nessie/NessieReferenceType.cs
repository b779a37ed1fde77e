namespace LakehouseManager.Catalog.Nessie;

/// <summary>A reference's <c>type</c> discriminator (api-facts A.5).</summary>
internal enum NessieReferenceType
{
    Branch,
    Tag,
    Detached,
}

/// <summary>Wire names of <see cref="NessieReferenceType"/>.</summary>
internal static class NessieReferenceTypes
{
    public static string ToWire(this NessieReferenceType type) => type switch
    {
        NessieReferenceType.Branch => "BRANCH",
        NessieReferenceType.Tag => "TAG",
        NessieReferenceType.Detached => "DETACHED",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static NessieReferenceType Parse(string wire) => wire.ToUpperInvariant() switch
    {
        "BRANCH" => NessieReferenceType.Branch,
        "TAG" => NessieReferenceType.Tag,
        "DETACHED" => NessieReferenceType.Detached,
        _ => throw new FormatException($"the reference type '{wire}' is not BRANCH, TAG or DETACHED"),
    };
}
