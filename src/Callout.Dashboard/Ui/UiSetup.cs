using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;

namespace Callout.Dashboard.Ui;

public static class UiSetup
{
    /// <summary>The Blazor Server pages (MudBlazor).</summary>
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PageClock>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.AddLanguages();
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
