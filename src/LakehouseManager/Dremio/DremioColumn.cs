namespace LakehouseManager.Dremio;

/// <summary>One column of a job's result schema: <c>{"name":"c","type":{"name":"VARCHAR"}}</c>.</summary>
internal sealed record DremioColumn(string Name, string TypeName);
