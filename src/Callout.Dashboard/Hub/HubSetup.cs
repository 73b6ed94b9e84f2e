using Callout.Dashboard.Api;

namespace Callout.Dashboard.Hub;

public static class HubSetup
{
    public static WebApplicationBuilder AddBoardHub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(o => BoardJson.Configure(o.PayloadSerializerOptions));
        builder.Services.AddSingleton<HubGroups>();
        builder.Services.AddSingleton<TokenConnections>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HubGroups>());
        return builder;
    }

    public static WebApplication MapBoardHub(this WebApplication app)
    {
        app.MapHub<BoardHub>("/hubs/board");
        return app;
    }
}
