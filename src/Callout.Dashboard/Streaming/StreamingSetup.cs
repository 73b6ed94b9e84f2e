using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Streaming;

public static class StreamingSetup
{
    public static WebApplicationBuilder AddStreaming(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(o => BoardJson.Configure(o.PayloadSerializerOptions));
        builder.Services.AddSingleton<HubGroups>();
        builder.Services.AddOptions<StreamingOptions>().BindConfiguration(StreamingOptions.Section)
            .Validate(o => o.ConnectionsPerViewer > 0, "Streaming:ConnectionsPerViewer must be above zero.")
            .ValidateOnStart();
        builder.Services.AddSingleton<HubConnections>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HubConnections>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HubGroups>());
        return builder;
    }

    public static WebApplication MapStreaming(this WebApplication app)
    {
        app.MapHub<BoardHub>("/hubs/board");
        return app;
    }
}
