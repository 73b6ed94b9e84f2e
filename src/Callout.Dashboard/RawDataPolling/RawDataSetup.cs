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

        var configured = builder.Configuration.GetConnectionString("RawData");
        services.AddSingleton<IRawDataConnections>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RawDataOptions>>().Value;
            if (RawDataProvider.IsPostgreSql(options.Provider))
            {
                return new PostgreSqlConnections(NpgsqlDataSource.Create(configured!));
            }
            return new SqliteConnections(configured ?? DemoDatabase.ConnectionString(builder.Environment));
        });
        if (string.IsNullOrWhiteSpace(configured))
        {
            // No database given: the embedded demo file is created with our schema before the poller starts.
            services.AddHostedService<DemoDatabase>();
        }

        services.AddSingleton<IRawDataReader>(sp => new RawDataReader(sp.GetRequiredService<IRawDataConnections>(), sp.GetRequiredService<IOptions<RawDataOptions>>().Value));
        services.AddSingleton<AnomalyLog>();
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
