using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Viewers;

public static class ViewersSetup
{
    /// <summary>Who may look, at which queues, with which numbers masked, and the wall-display links.</summary>
    public static WebApplicationBuilder AddViewers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<AccessMode>();
        services.AddSingleton<LocalUsers>();
        services.AddSingleton<WallTokenStore>();
        services.AddSingleton<ViewerResolver>();
        services.AddSingleton<EndedSessions>();
        services.AddSingleton<SessionCheck>();
        services.AddHostedService<WallTokenWatcher>();
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section)
            .Validate(o => o.MaxRendersPerSecond is > 0 and <= 60, "Dashboard:MaxRendersPerSecond must be between 1 and 60.")
            .ValidateOnStart();
        return builder;
    }
}
