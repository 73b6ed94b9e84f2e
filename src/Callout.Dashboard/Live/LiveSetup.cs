using Callout.Dashboard.Components;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;

namespace Callout.Dashboard.Live;

public static class LiveSetup
{
    /// <summary>The Blazor Server pages (MudBlazor) and the feed that pushes board changes to them.</summary>
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section)
            .Validate(o => o.MaxRendersPerSecond is > 0 and <= 60, "Dashboard:MaxRendersPerSecond must be between 1 and 60.")
            .Validate(o => o.DataAgeWarning > TimeSpan.Zero && o.DataAgeAlarm >= o.DataAgeWarning, "Dashboard:DataAgeWarning must be positive and not above Dashboard:DataAgeAlarm.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ServerInstance>();
        builder.Services.AddSingleton<BoardFeed>();
        builder.Services.AddSingleton<SnapshotCache>();
        builder.Services.AddScoped<PageClock>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    /// <summary>Our own files under /assets, served before sign-in is checked (they hold nothing private).</summary>
    public static WebApplication UseDashboardAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "assets")),
            RequestPath = "/assets",
        });
        return app;
    }

    public static WebApplication MapDashboardUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o =>
        {
            // Per-message deflate keeps zlib state (~300 KB measured) for every circuit's WebSocket, about a
            // third of a circuit's memory, to shrink render batches that are small diffs anyway.
            // Framing is ruled by our own Content-Security-Policy (SecurityHeaders), so the framework's
            // frame-ancestors header, which it adds only while compression is on, is not missed.
            o.DisableWebSocketCompression = true;
        });
        return app;
    }
}
