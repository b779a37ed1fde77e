namespace LakehouseManager.DataTests;

/// <summary>Whether a progress report marks the start or the end of a test.</summary>
internal enum DataTestProgressKind
{
    Started,
    Finished,
}
