namespace ContinuousImprovement.Core.Tests.Review;

/// <summary>The A2I examples in shared/aws/events, as xunit theory rows.</summary>
internal static class ReviewFixtures
{
    public static string Events => SharedContracts.Path("events");

    public static string Read(string fileName) => SharedContracts.Read("events", fileName);

    /// <summary>Every A2I example file whose name starts with <paramref name="prefix"/>.</summary>
    public static TheoryData<string> Files(string prefix)
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedContracts.Files("events", prefix + "*.json"))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }
}
