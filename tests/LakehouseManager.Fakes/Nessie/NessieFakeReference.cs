namespace LakehouseManager.Fakes.Nessie;

/// <summary>A named reference of the fake: a branch or a tag at a commit.</summary>
public sealed record NessieFakeReference(string Name, string Type, string Hash)
{
    public bool IsBranch => Type == "BRANCH";
}
