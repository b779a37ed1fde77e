namespace LakehouseManager.DataTests;

/// <summary>The format a tests file was written in, detected from its content.</summary>
public enum DataTestFormat
{
    /// <summary>The original tool's format: <c>{"tests":[{"name","type","query","column_name","expected"}]}</c>.</summary>
    Json,

    /// <summary>The richer format: one expectation per test, severity, tags, timeout (docs/data-tests.md).</summary>
    Yaml,
}
