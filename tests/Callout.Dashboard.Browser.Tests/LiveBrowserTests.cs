namespace Callout.Dashboard.Browser.Tests;

/// <summary>
/// The real app as a process on a loopback port, real PostgreSQL, real headless Chromium: rows committed to
/// the database appear on open pages without a reload.
/// </summary>
public sealed class LiveBrowserTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private DashboardInBrowser _site = null!;

    private DashboardProcess _host => _site.Host;

    private Chromium _chromium => _site.Chromium;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        _site = new DashboardInBrowser(Settings(_db));
        await _site.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _db.DisposeAsync();
    }

    public static Dictionary<string, string> Settings(TestDatabase db) => new()
    {
        ["RawData__Provider"] = "PostgreSQL",
        ["ConnectionStrings__RawData"] = db.ConnectionString,
        ["RawData__TimeZone"] = "Europe/Oslo",
        ["RawData__PollInterval"] = "00:00:00.500",
        ["Auth__Mode"] = "None",
    };

    [Fact]
    public async Task Overview_RowInserted_AppearsWithoutReload()
    {
        var page = await _chromium.OpenAsync(new Uri(_host.Address, "/"));
        await Chromium.WithScreenshotOnFailureAsync(page, "overview-live", async () =>
        {
            await Assertions.Expect(page.Locator("[data-panel='active'] [data-state='empty']")).ToBeVisibleAsync();

            await _db.Writer.WriteCallAsync(new CallRows(4711, Oslo.Now().AddSeconds(-20)).UpdatedAt(Oslo.Now()).Order());

            await Assertions.Expect(page.Locator("[data-panel='active'] tr[data-call='4711']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("[data-kpi='in-progress'] .kpi-value")).ToHaveTextAsync("1");
        });
    }

    [Fact]
    public async Task Wall_FilteredView_ShowsOnlyItsQueues_AndNewRowsLive()
    {
        var now = Oslo.Now();
        await _db.Writer.WriteCallAsync(new CallRows(1, now.AddMinutes(-1), "__Callout_Sales").UpdatedAt(now).Order());
        await _db.Writer.WriteCallAsync(new CallRows(2, now.AddMinutes(-1), "__Callout_Support").UpdatedAt(now).Order());
        var page = await _chromium.OpenAsync(new Uri(_host.Address, "/wall?queue=__Callout_Sales"));
        await Chromium.WithScreenshotOnFailureAsync(page, "wall-filter", async () =>
        {
            await Assertions.Expect(page.Locator("[data-panel='active'] [data-call='1']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("[data-call='2']")).ToHaveCountAsync(0);

            await _db.Writer.WriteCallAsync(new CallRows(3, Oslo.Now().AddSeconds(-5), "__Callout_Sales").UpdatedAt(Oslo.Now()).Order());
            await _db.Writer.WriteCallAsync(new CallRows(4, Oslo.Now().AddSeconds(-5), "__Callout_Support").UpdatedAt(Oslo.Now()).Order());

            await Assertions.Expect(page.Locator("[data-panel='active'] [data-call='3']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("[data-call='4']")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task Wall_ScheduledCountdown_TicksEverySecond()
    {
        var now = Oslo.Now();
        await _db.Writer.WriteCallAsync(new CallRows(77, now.AddMinutes(-5)).UpdatedAt(now).Order(initiationSeconds: 3_600));
        var page = await _chromium.OpenAsync(new Uri(_host.Address, "/wall"));
        await Chromium.WithScreenshotOnFailureAsync(page, "wall-countdown", async () =>
        {
            var countdown = page.Locator("[data-panel='scheduled'] [data-call='77'] .countdown");
            await Assertions.Expect(countdown).ToBeVisibleAsync(new() { Timeout = 15_000 });
            var first = await countdown.TextContentAsync();
            await Assertions.Expect(countdown).Not.ToHaveTextAsync(first!, new() { Timeout = 5_000 });
            Assert.StartsWith("in 5", first);
        });
    }
}
