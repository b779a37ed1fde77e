namespace LakehouseManager.Fakes.Dremio;

/// <summary>A <c>references</c> entry of a submitted query: <c>{"type":"BRANCH","value":"dev"}</c>.</summary>
public sealed record DremioFakeReference(string Type, string Value);

/// <summary>A query submitted with <c>POST sql</c>, as the fake parsed it.</summary>
public sealed record DremioFakeSubmission(
    string JobId,
    string Sql,
    IReadOnlyList<string>? Context,
    IReadOnlyDictionary<string, DremioFakeReference> References,
    string? RequestId,
    string Host);

/// <summary>A query as a dynamic script sees it (see <see cref="DremioFake.OnSql(Func{DremioFakeQuery, DremioFakeOutcome?})"/>).</summary>
public sealed record DremioFakeQuery(
    string Sql,
    IReadOnlyList<string>? Context,
    IReadOnlyDictionary<string, DremioFakeReference> References);
