using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Callout.Dashboard.Browser.Tests.Failover;

/// <summary>
/// Issue 18: two dashboard servers behind nginx share links, revokes, sessions and keys through Redis, and a wall
/// whose server dies comes back through the proxy by itself.
/// </summary>
[Trait("Category", "Failover")]
public sealed class FailoverTests(FailoverSite site, ITestOutputHelper output) : IClassFixture<FailoverSite>, IAsyncLifetime
{
    private static readonly TimeSpan s_recovery = TimeSpan.FromSeconds(30);

    public Task InitializeAsync() => site.EnsureUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WallLink_MadeOnA_OpensOnBAndThroughTheProxy_AndARevokeOnAStopsBsScreenWithinTwoSeconds()
    {
        var (admin, query) = await site.MakeLinkAsync(site.A, "Lobby TV");
        var id = await WriteCallAsync();
        var onB = await site.OpenWallAsync(site.B.Address, query);
        var throughProxy = await site.OpenWallAsync(site.Cluster.Proxy.Address, query);
        foreach (var wall in new[] { onB, throughProxy })
        {
            await Chromium.WithScreenshotOnFailureAsync(wall, "failover-link", () =>
                Assertions.Expect(wall.Locator($"[data-panel='active'] [data-call='{id}']")).ToBeVisibleAsync(new() { Timeout = 20_000 }));
        }

        var clicked = Stopwatch.StartNew();
        await RowOf(admin, "Lobby TV").Locator("[data-action='revoke']").ClickAsync();
        // The two seconds run from the revoke being made on A (its page says so), not from the click: the click's
        // way through A's circuit is not what crosses servers.
        await Chromium.WithScreenshotOnFailureAsync(admin, "failover-revoke-admin", () =>
            Assertions.Expect(RowOf(admin, "Lobby TV").Locator("[data-state='revoked']")).ToBeVisibleAsync(new() { Timeout = 10_000 }));
        var revoked = Stopwatch.StartNew();
        var onA = clicked.ElapsedMilliseconds;

        await Chromium.WithScreenshotOnFailureAsync(onB, "failover-revoke", () =>
            Assertions.Expect(onB.Locator("[data-panel='wall-refused']")).ToBeVisibleAsync(new() { Timeout = 2_000 }));
        output.WriteLine($"Revoke shown on A {onA} ms after the click; B's screen stopped {revoked.ElapsedMilliseconds} ms after that.");
        await Assertions.Expect(throughProxy.Locator("[data-panel='wall-refused']")).ToBeVisibleAsync(new() { Timeout = 2_000 });
    }

    [Fact]
    public async Task TeamLead_SignedInOnA_IsSignedInOnB()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(new Uri(site.A.Address, "/agents").ToString());
        await AdminPages.SignInAsync(page, "lead", DashboardCluster.Password);
        await page.WaitForURLAsync("**/agents");

        // Cookies are per host, not per port: the browser sends A's cookie to B as it would to the proxy's other server.
        var response = await page.GotoAsync(new Uri(site.B.Address, "/agents").ToString());

        await Chromium.WithScreenshotOnFailureAsync(page, "failover-cookie", async () =>
        {
            Assert.EndsWith("/agents", page.Url);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("[data-panel='user']")).ToContainTextAsync("lead", new() { Timeout = 20_000 });
        });
    }

    [Fact]
    public async Task Wall_ItsServerKilled_IsLiveAgainThroughTheProxyWithinThirtySeconds_WithOneReload()
    {
        var (_, query) = await site.MakeLinkAsync(site.B, "Failover TV");
        var wall = await site.OpenWallAsync(site.Cluster.Proxy.Address, query);
        await Assertions.Expect(wall.Locator("#connection-badge")).ToHaveTextAsync("live", new() { Timeout = 20_000 });
        var serving = await site.ServingAsync(wall);
        var loads = 0;
        wall.Load += (_, _) => Interlocked.Increment(ref loads);

        await site.Cluster.KillAsync(serving);
        var back = Stopwatch.StartNew();
        var id = await WriteCallAsync();

        await Chromium.WithScreenshotOnFailureAsync(wall, "failover-wall", async () =>
        {
            await Assertions.Expect(wall.Locator($"[data-panel='active'] [data-call='{id}']")).ToBeVisibleAsync(new() { Timeout = (float)s_recovery.TotalMilliseconds });
            await Assertions.Expect(wall.Locator("#connection-badge")).ToHaveTextAsync("live", new() { Timeout = 10_000 });
        });
        Assert.True(back.Elapsed < s_recovery, $"took {back.Elapsed}");
        output.WriteLine($"Killed the wall's server; live on the other, showing a row written after the kill, in {back.Elapsed.TotalSeconds:0.0} s, {loads} reload(s).");
        Assert.NotEqual(serving.Id, (await site.ServingAsync(wall)).Id);
        // No reload loop: it stays on the server it came back on.
        await wall.WaitForTimeoutAsync(8_000);
        Assert.Equal(1, loads);
        Assert.Equal("live", await wall.Locator("#connection-badge").TextContentAsync());
    }

    [Fact]
    public async Task HubClient_ItsServerKilled_ReconnectsThroughTheProxyAndGetsNewRows()
    {
        var (_, query) = await site.MakeLinkAsync(site.A, "Hub client");
        var messages = new ConcurrentQueue<string>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(site.Cluster.Proxy.Address, "/hubs/board" + query.Replace("?token=", "?access_token=", StringComparison.Ordinal)))
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)])
            .Build();
        connection.On<JsonElement>("Snapshot", s => messages.Enqueue(s.GetRawText()));
        connection.On<JsonElement>("Delta", d => messages.Enqueue(d.GetRawText()));
        // The hub sends what a client subscribed to: after a reconnect, that is a new subscription (README).
        connection.Reconnected += _ => connection.InvokeAsync("Subscribe", Array.Empty<string>());
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", Array.Empty<string>());
        var serving = await site.Cluster.HoldingAsync("callout_hub_connections", TimeSpan.FromSeconds(10));

        await site.Cluster.KillAsync(serving);
        var back = Stopwatch.StartNew();
        var id = await WriteCallAsync();

        await Eventually.Until(() => messages.Any(m => m.Contains($"\"callId\":\"{id}\"", StringComparison.Ordinal)), s_recovery,
            $"a hub message with call {id} after the kill", () => $"state {connection.State}, {messages.Count} messages");
        output.WriteLine($"Hub client reconnected through the proxy and had the new row {back.Elapsed.TotalSeconds:0.0} s after the kill.");
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Redis_StoppedForTwentySeconds_BoardsStayLive_LinksCannotBeMade_AndNothingIsLostWhenItReturns()
    {
        var (admin, kept) = await site.MakeLinkAsync(site.A, "Kept TV");
        var revokedLater = await AdminPages.CreateLinkAsync(admin, "Revoked TV");
        var wall = await site.OpenWallAsync(site.B.Address, kept);

        await site.Cluster.Redis.StopAsync();
        var down = Stopwatch.StartNew();
        var during = await WriteCallAsync();

        await Chromium.WithScreenshotOnFailureAsync(wall, "failover-redis-wall", () =>
            Assertions.Expect(wall.Locator($"[data-panel='active'] [data-call='{during}']")).ToBeVisibleAsync(new() { Timeout = 10_000 }));
        await Chromium.WithScreenshotOnFailureAsync(admin, "failover-redis-admin", async () =>
        {
            await admin.Locator(".token-name input").FillAsync("Made while down");
            await admin.Locator(".token-name input").PressAsync("Tab");
            await admin.Locator("[data-action='create-token']").ClickAsync();
            await Assertions.Expect(admin.Locator("[data-panel='token-error']")).ToContainTextAsync("No link was made", new() { Timeout = 10_000 });
            await Assertions.Expect(admin.Locator("[data-panel='token-error']")).ToContainTextAsync("shared state store");
            await RowOf(admin, "Revoked TV").Locator("[data-action='revoke']").ClickAsync();
            await Assertions.Expect(admin.Locator("[data-panel='token-error']")).ToContainTextAsync("not saved yet", new() { Timeout = 10_000 });
        });
        await Assertions.Expect(wall.Locator("#connection-badge")).ToHaveTextAsync("live");
        await Task.Delay(TimeSpan.FromSeconds(20) - down.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);

        await site.Cluster.Redis.StartAgainAsync();

        // The revoke made on A while Redis was away reaches B once it is back, without anyone clicking again.
        var refused = await site.OpenWallAsync(site.B.Address, new Uri(revokedLater).Query);
        await Chromium.WithScreenshotOnFailureAsync(refused, "failover-redis-revoke", () =>
            Assertions.Expect(refused.Locator("[data-panel='wall-refused']")).ToBeVisibleAsync(new() { Timeout = 15_000 }));
        var after = await WriteCallAsync();
        await Assertions.Expect(wall.Locator($"[data-panel='active'] [data-call='{after}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        // A server started now knows only what Redis holds: the kept link works, the revoke stuck, no link was made while down.
        await using var newcomer = site.Cluster.StartNewcomer();
        await newcomer.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
        var keptOnNewcomer = await site.OpenWallAsync(newcomer.Address, kept);
        await Assertions.Expect(keptOnNewcomer.Locator($"[data-panel='active'] [data-call='{after}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var revokedOnNewcomer = await site.OpenWallAsync(newcomer.Address, new Uri(revokedLater).Query);
        await Assertions.Expect(revokedOnNewcomer.Locator("[data-panel='wall-refused']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var newcomerAdmin = await site.NewPageAsync();
        await AdminPages.OpenWallLinksAsync(newcomerAdmin, newcomer.Address, "ada", DashboardCluster.Password);
        await Assertions.Expect(RowOf(newcomerAdmin, "Kept TV")).ToHaveCountAsync(1);
        await Assertions.Expect(RowOf(newcomerAdmin, "Made while down")).ToHaveCountAsync(0);
    }

    private static ILocator RowOf(IPage admin, string name) =>
        admin.Locator("[data-panel='tokens'] tr", new() { Has = admin.Locator("[data-token]", new() { HasTextString = name }) });

    private static int s_nextCall = 18_000;

    private async Task<string> WriteCallAsync()
    {
        var id = Interlocked.Increment(ref s_nextCall);
        await site.Cluster.Database.Writer.WriteCallAsync(new CallRows(id, Oslo.Now().AddSeconds(-5)).UpdatedAt(Oslo.Now()).Order());
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
