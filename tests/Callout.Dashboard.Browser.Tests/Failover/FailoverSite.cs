using Callout.Dashboard.Viewers;

namespace Callout.Dashboard.Browser.Tests.Failover;

/// <summary>Two dashboard servers, Redis and nginx (<see cref="DashboardCluster"/>) and a Chromium, shared by the Failover tests.</summary>
public sealed class FailoverSite : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    public DashboardCluster Cluster { get; private set; } = null!;

    public Chromium Chromium { get; private set; } = null!;

    public DashboardProcess A => Cluster.Servers[0];

    public DashboardProcess B => Cluster.Servers[1];

    public async Task InitializeAsync()
    {
        Cluster = await DashboardCluster.StartAsync(LocalUsers.Hash(DashboardCluster.Password));
        Chromium = await Chromium.LaunchAsync();
    }

    /// <summary>Every test starts with both servers and Redis up, whatever the one before it stopped.</summary>
    public async Task EnsureUpAsync()
    {
        if (!Cluster.Redis.IsRunning)
        {
            await Cluster.Redis.StartAgainAsync();
        }
        await Cluster.EnsureAllRunningAsync();
    }

    /// <summary>A page in a browser context of its own: a screen, an admin, a team lead do not share cookies.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, Locale = "en-GB" });
        // Two dashboards, nginx and Redis share two cores with Chromium: a first page load may take longer than Playwright's 30 s.
        context.SetDefaultNavigationTimeout(60_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Makes a wall link on <paramref name="server"/>'s admin page, signed in as the admin; returns its query ("?token=…").</summary>
    public async Task<(IPage Admin, string Query)> MakeLinkAsync(DashboardProcess server, string name)
    {
        var admin = await NewPageAsync();
        await AdminPages.OpenWallLinksAsync(admin, server.Address, "ada", DashboardCluster.Password);
        string link = "";
        await Chromium.WithScreenshotOnFailureAsync(admin, "failover-admin", async () => link = await AdminPages.CreateLinkAsync(admin, name));
        return (admin, new Uri(link).Query);
    }

    /// <summary>Opens the wall at <paramref name="site"/> with the circuit up.</summary>
    public async Task<IPage> OpenWallAsync(Uri site, string query)
    {
        var wall = await NewPageAsync();
        await wall.GotoAsync(new Uri(site, "/wall" + query).ToString());
        await wall.WaitForSelectorAsync("body[data-circuit='up']", new() { Timeout = 30_000 });
        return wall;
    }

    /// <summary>The running server whose process rendered <paramref name="page"/> (its body's data-instance).</summary>
    public async Task<DashboardProcess> ServingAsync(IPage page) =>
        await Cluster.WithInstanceAsync(await page.EvaluateAsync<string>("document.body.dataset.instance"));

    public async Task DisposeAsync()
    {
        foreach (var (server, i) in Cluster.Servers.Select((s, i) => (s, i)))
        {
            File.WriteAllText(Path.Combine(Chromium.ArtefactFolder, $"failover-server-{i}.log"), server.Output);
        }
        File.WriteAllText(Path.Combine(Chromium.ArtefactFolder, "failover-nginx.log"), Cluster.Proxy.ErrorLog);
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        await Chromium.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
