namespace Callout.Dashboard.Browser.Tests;

/// <summary>
/// An alarm starting while a wall is open, in real Chromium against the real app on PostgreSQL: the wall shows it without
/// a reload and, with its sound armed by a tap, plays the alert.
/// </summary>
public sealed class AlarmBrowserTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private DashboardInBrowser _site = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        // An open callout warns after 5 s and alarms after 12 s, so a test sees one start instead of waiting 20 minutes.
        _site = new DashboardInBrowser(new Dictionary<string, string>(LiveBrowserTests.Settings(_db))
        {
            ["Alarms__OpenCallout__Warning"] = "00:00:05",
            ["Alarms__OpenCallout__Alarm"] = "00:00:12",
            ["Alarms__RepeatInterval"] = "00:00:01",
        });
        await _site.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Wall_AlarmStarts_ShowsItWithoutReload_AndArmedSoundPlays()
    {
        var page = await _site.Chromium.OpenAsync(new Uri(_site.Host.Address, "/wall?sound=on"));
        await Chromium.WithScreenshotOnFailureAsync(page, "wall-alarm-sound", async () =>
        {
            var arm = page.Locator("#sound-arm");
            await Assertions.Expect(arm).ToHaveAttributeAsync("data-state", "waiting");
            await Assertions.Expect(page.Locator("[data-panel='attention'] [data-empty]")).ToBeVisibleAsync();
            await page.EvaluateAsync("() => window.sameDocument = true");

            await arm.ClickAsync();
            await Assertions.Expect(arm).ToHaveAttributeAsync("data-state", "armed");
            await _db.Writer.WriteCallAsync(new CallRows(9001, Oslo.Now().AddSeconds(-2)).UpdatedAt(Oslo.Now()).Order());

            var alarm = page.Locator("[data-panel='attention'] [data-alarm][data-rule='open-callout']");
            await Assertions.Expect(alarm).ToHaveAttributeAsync("data-level", "warning", new() { Timeout = 20_000 });
            Assert.Null(await page.GetAttributeAsync("body", "data-alarm-sounds"));
            await Assertions.Expect(alarm).ToHaveAttributeAsync("data-level", "alarm", new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-alarm-sounds", "1", new() { Timeout = 5_000 });

            Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the wall reloaded");
            Assert.True(await page.EvaluateAsync<bool>("() => { const a = document.getElementById('alarm-sound'); return !a.paused || a.played.length > 0; }"),
                "the alert's audio element did not start");
            await Assertions.Expect(page.Locator("[data-kpi='in-progress']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("level-alarm"));
        });
    }

    [Fact]
    public async Task Wall_SoundNotArmed_SaysTapToEnable_AndStaysSilent()
    {
        var page = await _site.Chromium.OpenAsync(new Uri(_site.Host.Address, "/wall?sound=on"));
        await Chromium.WithScreenshotOnFailureAsync(page, "wall-sound-unarmed", async () =>
        {
            await Assertions.Expect(page.Locator("#sound-arm")).ToHaveTextAsync("tap to enable sound");

            await _db.Writer.WriteCallAsync(new CallRows(9002, Oslo.Now().AddSeconds(-2)).UpdatedAt(Oslo.Now()).Order());

            await Assertions.Expect(page.Locator("[data-panel='attention'] [data-alarm][data-level='alarm']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await page.WaitForTimeoutAsync(1_500);
            Assert.Null(await page.GetAttributeAsync("body", "data-alarm-sounds"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('alarm-sound').paused"));
        });
    }

    [Fact]
    public async Task Overview_NotifyMeOn_AlarmStarting_RaisesABrowserNotification()
    {
        var page = await _site.Chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "en-GB", Permissions = ["notifications"] });
        // The page's notifications are counted instead of shown: headless Chromium has no desktop to show them on.
        await page.AddInitScriptAsync("""
            window.shownNotifications = [];
            const Real = window.Notification;
            window.Notification = class extends Real { constructor(title, options) { super(title, options); window.shownNotifications.push(options.body); } };
            """);
        await page.GotoAsync(new Uri(_site.Host.Address, "/").ToString());
        await page.WaitForSelectorAsync("body[data-circuit='up']", new() { Timeout = 30_000 });
        await Chromium.WithScreenshotOnFailureAsync(page, "overview-notify", async () =>
        {
            var toggle = page.Locator("[data-notify-toggle]").First;
            await Assertions.Expect(toggle).ToHaveAttributeAsync("data-state", "off");

            await toggle.ClickAsync();
            await Assertions.Expect(toggle).ToHaveAttributeAsync("data-state", "on");
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
            await _db.Writer.WriteCallAsync(new CallRows(9003, Oslo.Now().AddSeconds(-2)).UpdatedAt(Oslo.Now()).Order());

            await Assertions.Expect(page.Locator("[data-panel='attention'] [data-alarm][data-level='alarm']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            var shown = await Eventually.Until(() => page.EvaluateAsync<string[]>("() => window.shownNotifications"), n => n.Length > 0,
                TimeSpan.FromSeconds(5), "a notification");
            Assert.Contains("open", Assert.Single(shown));
        });
    }
}
