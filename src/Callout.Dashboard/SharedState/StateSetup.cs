namespace Callout.Dashboard.SharedState;

public static class StateSetup
{
    public const string KeyPrefixSetting = "State:KeyPrefix";

    /// <summary>
    /// With <c>ConnectionStrings:State</c> set, what servers must share lives in Redis; without it, in the data folder's
    /// files (one server, zero setup). Raw data is never there: every server polls it itself.
    /// </summary>
    public static WebApplicationBuilder AddSharedState(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration.GetConnectionString(RedisState.ConnectionName);
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return builder;
        }
        var prefix = builder.Configuration[KeyPrefixSetting] is { Length: > 0 } setting ? setting : "callout:";
        builder.Services.AddSingleton(services => RedisState.Connect(configuration, prefix, services.GetRequiredService<ILogger<RedisState>>()));
        return builder;
    }
}
