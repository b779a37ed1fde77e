namespace LakehouseManager.Tests.PullRequests.Events;

/// <summary>The CodeCommit user guide's sample events (TestData/CodeCommitEvents).</summary>
internal static class SampleEvents
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "CodeCommitEvents");

    public static string PathOf(string name) => Path.Combine(Folder, name + ".json");

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
