using Callout.Dashboard.Alarms;
using Callout.Dashboard.Demo;
using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Callout.Dashboard.LiveBoard;

public static class LiveBoardSetup
{
    /// <summary>
    /// The live board of this server: the Raw data options, connections and reader, the one poller, the Board it
    /// feeds (shared by every viewer), and what hands the board to viewers (snapshot cache, change feed).
    /// </summary>
    public static WebApplicationBuilder AddLiveBoard(this WebApplicationBuilder builder)
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
        // Before the poller: hosted services start in order, and a wrong database must stop start-up before it is polled.
        services.AddHostedService<RawDataStartupCheck>();
        services.AddHostedService<RawDataPoller>();
        services.AddOptions<BoardOptions>().BindConfiguration(BoardOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BoardOptions>, BoardOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var board = sp.GetRequiredService<IOptions<BoardOptions>>().Value;
            var rawData = sp.GetRequiredService<IOptions<RawDataOptions>>().Value;
            return new BoardRules
            {
                TimeZone = TimeZones.Resolve(rawData.TimeZone),
                CalloutQueuePrefixes = rawData.CalloutQueuePrefixes,
                RecentWindow = board.RecentWindow,
                ScheduledThreshold = board.ScheduledThreshold,
                InProgressLimit = board.InProgressLimit,
                Alarms = sp.GetRequiredService<IOptions<AlarmOptions>>().Value.Rules,
            };
        });
        services.AddSingleton(sp => new Board(sp.GetRequiredService<BoardRules>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ServerInstance>();
        services.AddSingleton<BoardFeed>();
        services.AddSingleton<SnapshotCache>();
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
