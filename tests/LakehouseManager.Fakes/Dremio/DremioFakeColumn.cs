namespace LakehouseManager.Fakes.Dremio;

/// <summary>A result column: its name and Dremio type name (VARCHAR, BIGINT, DOUBLE, DECIMAL, BOOLEAN, ...).</summary>
public sealed record DremioFakeColumn(string Name, string Type = "VARCHAR");
