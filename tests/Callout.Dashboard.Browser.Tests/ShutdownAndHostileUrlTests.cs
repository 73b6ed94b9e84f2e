namespace Callout.Dashboard.Browser.Tests;

public sealed class ShutdownAndHostileUrlTests : IAsyncLifetime
{
    private readonly DashboardInBrowser _demo = new(new Dictionary<string, string> { ["Demo__Seed"] = "3" });

    private DashboardProcess _host => _demo.Host;

    private Chromium _chromium => _demo.Chromium;

    public Task InitializeAsync() => _demo.InitializeAsync();

    public Task DisposeAsync() => _demo.DisposeAsync();

    [Fact]
    public async Task Sigterm_WithWallCircuitOpen_StopsCleanlyWithin10Seconds()
    {
        var page = await _chromium.OpenAsync(new Uri(_host.Address, "/wall"));
        var console = new List<string>();
        page.Console += (_, m) => console.Add(DateTime.UtcNow.ToString("HH:mm:ss.fff") + " " + m.Text);
        await Assertions.Expect(page.Locator("#connection-badge")).ToHaveTextAsync("live");

        var stopped = await _host.StopGracefullyAsync(TimeSpan.FromSeconds(10));

        Assert.True(stopped, "Still running 10 s after SIGTERM. Output:\n" + _host.Output);
        Assert.Contains("Application is shutting down", _host.Output);
        Assert.DoesNotContain("Unhandled exception", _host.Output);
        try
        {
            await Assertions.Expect(page.Locator("#connection-badge")).Not.ToHaveTextAsync("live", new() { Timeout = 15_000 });
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(DateTime.UtcNow.ToString("HH:mm:ss.fff") + " console:\n" + string.Join("\n", console), ex);
        }
    }

    [Fact]
    public async Task Overview_HostileQueueKeysInUrl_ShowsNoticeAndKeepsWorking()
    {
        var keys = new[] { "' OR 1=1; DROP TABLE call_events; --", "<script>alert(1)</script>", "køø_\u202e_ünïcødé", "' OR 1=1; DROP TABLE call_events; --", new string('x', 2_000) };
        var url = "/?" + string.Join("&", keys.Select(k => "queue=" + Uri.EscapeDataString(k)));
        var dialogs = 0;
        var page = await _chromium.OpenAsync(new Uri(_host.Address, url));
        page.Dialog += (_, _) => dialogs++;

        await Chromium.WithScreenshotOnFailureAsync(page, "hostile-url", async () =>
        {
            await Assertions.Expect(page.Locator("[data-panel='unknown-queues']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-panel='unknown-queues']")).ToContainTextAsync("<script>alert(1)</script>");
            await Assertions.Expect(page.Locator("[data-panel='active'] [data-state='empty']")).ToBeVisibleAsync();
            await page.GotoAsync(new Uri(_host.Address, "/").ToString());
            await Assertions.Expect(page.Locator("[data-panel='active'] [data-state='data']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        });
        Assert.Equal(0, dialogs);
    }
}
