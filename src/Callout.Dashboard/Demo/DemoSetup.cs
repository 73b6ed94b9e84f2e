namespace Callout.Dashboard.Demo;

public static class DemoSetup
{
    /// <summary>Demo mode. Registered before the poller, so the embedded file is ready for its first poll.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .Validate(o => o.RatePerMinute is > 0 and <= 10_000, "Demo:RatePerMinute must be between 0 and 10000 calls a minute.")
            .Validate(o => o.MaxArrivalDelay >= TimeSpan.Zero && o.MinBackfill >= TimeSpan.Zero, "Demo:MaxArrivalDelay and Demo:MinBackfill must not be negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DemoTraffic>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoTraffic>());
        return builder;
    }
}
