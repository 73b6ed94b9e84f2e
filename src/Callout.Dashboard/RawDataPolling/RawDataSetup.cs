using Callout.Dashboard.Demo;
using Callout.Dashboard.RawData;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Callout.Dashboard.RawDataPolling;

public static class RawDataSetup
{
    /// <summary>Options, the connection source for the configured provider, the reader and the one poller.</summary>
    public static WebApplicationBuilder AddRawData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddTimeProvider();
        services.AddOptions<RawDataOptions>().BindConfiguration(RawDataOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RawDataOptions>, RawDataOptionsValidator>();

        services.AddSingleton<IRawDataConnections>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RawDataOptions>>().Value;
            var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString("RawData");
            if (RawDataProvider.IsPostgreSql(options.Provider))
            {
                return new PostgreSqlConnections(NpgsqlDataSource.Create(configured!));
            }
            return new SqliteConnections(string.IsNullOrWhiteSpace(configured) ? DemoDatabase.ConnectionString(builder.Environment) : configured);
        });
        services.AddSingleton<IRawDataReader>(sp => new RawDataReader(sp.GetRequiredService<IRawDataConnections>(), sp.GetRequiredService<IOptions<RawDataOptions>>().Value));
        services.AddSingleton<AnomalyLog>();
        services.AddSingleton<SchemaReport>();
        services.AddSingleton<BoardSync>();
        services.AddHostedService<RawDataPoller>();
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
