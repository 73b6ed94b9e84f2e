namespace Callout.Dashboard.Tests.Demo;

public sealed class EmbeddedDemoTests
{
    [Fact]
    public async Task Start_NoDatabaseConfigured_ServesLiveDemoBoardWithin30Seconds()
    {
        // Nothing but a faster demo centre: it follows the working day, and at night its default trickle
        // (about one call a minute) can leave the board unchanged for 30 s, so the test would depend on the hour.
        await using var host = DashboardProcess.Start(new Dictionary<string, string> { ["Demo__RatePerMinute"] = "120" });
        using var client = new HttpClient { BaseAddress = host.Address };
        // The 30 s are the demo's: from the moment the server listens (process start-up under CI load is not).
        await host.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
        var board = await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>("/api/board"),
            b => b.GetProperty("recentCallouts").GetArrayLength() > 0 && b.GetProperty("agents").GetArrayLength() > 0,
            TimeSpan.FromSeconds(30),
            "a non-empty demo board");

        Assert.True(File.Exists(Path.Combine(host.ContentRoot, "data", "rawdata.db")));
        Assert.Contains("Demo mode", host.Output);
        Assert.NotEmpty(board.GetProperty("queues").EnumerateArray());
        var version = board.GetProperty("version").GetInt64();
        await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>("/api/board"),
            b => b.GetProperty("version").GetInt64() > version,
            TimeSpan.FromSeconds(30),
            "the demo board changing (live traffic)");
    }
}
