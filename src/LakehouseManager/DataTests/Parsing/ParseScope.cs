namespace LakehouseManager.DataTests.Parsing;

/// <summary>Where a message belongs: the file, or one test of it.</summary>
internal readonly record struct ParseScope(ParseErrors Errors, string? TestName, int? TestNumber)
{
    public void Error(int line, string message) => Errors.Add(line, message, TestName, TestNumber);

    public void Warning(int line, string message) => Errors.Warn(line, message, TestName, TestNumber);
}
