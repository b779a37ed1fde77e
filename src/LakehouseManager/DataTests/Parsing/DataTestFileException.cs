namespace LakehouseManager.DataTests.Parsing;

/// <summary>
/// A tests file that cannot be used. Every problem found is listed (not only the first), each with the file, line and
/// test, so one round of fixes is enough.
/// </summary>
internal sealed class DataTestFileException : LakehouseException
{
    public DataTestFileException(IReadOnlyList<DataTestFileError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<DataTestFileError> Errors { get; }

    private static string Describe(IReadOnlyList<DataTestFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => "The tests file is invalid.",
            1 => errors[0].ToString(),
            _ => $"{errors[0].Source} has {errors.Count} errors:\n" +
                 string.Join("\n", errors.Select(e => "  " + e)),
        };
    }
}
