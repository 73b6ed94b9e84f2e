namespace Callout.Dashboard.Tests.Demo;

public sealed class EmbeddedDemoTests
{
    [Fact]
    public async Task Start_NoDatabaseConfigured_FillsEveryLiveCategoryWithinTwoMinutes()
    {
        // Nothing configured: the demo keeps its own working day, so this holds at whatever hour the test runs.
        await using var host = DashboardProcess.Start();
        using var client = new HttpClient { BaseAddress = host.Address };
        // The 2 minutes are the demo's: from the moment the server listens (process start-up under CI load is not).
        await host.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
        var seen = new HashSet<string>();
        var board = await Eventually.Until(
            () => client.GetFromJsonAsync<BoardSnapshot>("/api/board", BoardJson.Options),
            b =>
            {
                seen.UnionWith(LiveCategories.In(b!));
                return LiveCategories.All.All(seen.Contains);
            },
            TimeSpan.FromMinutes(2),
            "every live category on the demo board",
            every: TimeSpan.FromSeconds(1));

        Assert.True(File.Exists(Path.Combine(host.ContentRoot, "data", "rawdata.db")));
        Assert.Contains("Demo mode", host.Output);
        Assert.NotEmpty(board!.Queues);
        await Eventually.Until(
            () => client.GetFromJsonAsync<BoardSnapshot>("/api/board", BoardJson.Options),
            b => b!.Version > board.Version,
            TimeSpan.FromSeconds(30),
            "the demo board changing (live traffic)");
    }
}
