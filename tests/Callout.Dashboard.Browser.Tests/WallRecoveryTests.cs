using System.Diagnostics;

namespace Callout.Dashboard.Browser.Tests;

/// <summary>A TV on the wall must come back by itself when the server restarts: nobody will press F5.</summary>
public sealed class WallRecoveryTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Chromium _chromium = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Wall_ServerRestarted_RecoversAndShowsNewDataWithoutATouch(bool graceful)
    {
        var settings = Settings();
        var first = DashboardProcess.Start(settings);
        await first.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        var page = await _chromium.OpenAsync(new Uri(first.Address, "/wall"));
        await using var second = await RestartAsync(first, settings, page, graceful);

        await Chromium.WithScreenshotOnFailureAsync(page, "wall-restart", async () =>
        {
            var back = Stopwatch.StartNew();
            await _db.Writer.WriteCallAsync(new CallRows(5150, Oslo.Now().AddSeconds(-5)).UpdatedAt(Oslo.Now()).Order());
            await Assertions.Expect(page.Locator("[data-panel='active'] [data-call='5150']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#connection-badge")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
            Assert.True(back.Elapsed < TimeSpan.FromSeconds(30), $"took {back.Elapsed}");
            output.WriteLine($"Wall showed new data {back.Elapsed.TotalSeconds:0.0} s after the restarted server answered ({(graceful ? "SIGTERM" : "killed")}).");
        });
    }

    private static async Task<DashboardProcess> RestartAsync(DashboardProcess first, Dictionary<string, string> settings, IPage page, bool graceful)
    {
        await Assertions.Expect(page.Locator("#connection-badge")).ToHaveTextAsync("live");
        if (graceful)
        {
            Assert.True(await first.StopGracefullyAsync(TimeSpan.FromSeconds(10)));
        }
        else
        {
            await first.KillAsync();
        }
        await Assertions.Expect(page.Locator("#connection-badge")).Not.ToHaveTextAsync("live", new() { Timeout = 15_000 });
        // Down for a while, not only for a moment: the wall's reconnect attempts meet a closed port first.
        await Task.Delay(3000);
        var second = DashboardProcess.Start(settings, first.Port);
        await first.DisposeAsync();
        await second.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        return second;
    }

    private Dictionary<string, string> Settings() => LiveBrowserTests.Settings(_db);
}
