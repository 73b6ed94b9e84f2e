using Callout.Dashboard.RawData;
using Callout.Dashboard.Simulator;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Demo;

/// <summary>
/// Demo mode: prepares the embedded database (schema, lookups, today's history) before the poller starts,
/// then writes live simulated traffic. Against a configured database it only runs when asked
/// (Demo:Enabled=true), and then neither creates nor empties tables.
/// </summary>
public sealed partial class DemoTraffic(
    IRawDataConnections connections,
    IOptions<DemoOptions> demo,
    IOptions<RawDataOptions> rawData,
    Domain.BoardRules rules,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DemoTraffic> logger) : BackgroundService
{
    private SimulatorRunner? _runner;

    public bool IsEnabled => IsRunning(demo.Value, configuration);

    /// <summary>Whether the demo centre runs: as configured, else whenever no Raw data database is.</summary>
    public static bool IsRunning(DemoOptions demo, IConfiguration configuration) => demo.Enabled ?? DemoDatabase.IsInUse(configuration);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return;
        }
        var options = demo.Value;
        var writer = new RawDataWriter(connections, rawData.Value.CallEventExtrasTable);
        var profile = new CentreProfile { RatePerMinute = options.RatePerMinute, MaxArrivalDelay = options.MaxArrivalDelay, TimeZone = rules.TimeZone };
        _runner = new SimulatorRunner(writer, profile, options.Seed ?? Random.Shared.Next(), clock);

        if (DemoDatabase.IsInUse(configuration))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DemoDatabase.FilePath(environment))!);
            await using (var connection = await connections.OpenAsync(cancellationToken))
            {
                await SchemaScripts.ApplyAsync(connection, RawDataProvider.Sqlite, cancellationToken);
            }
            // A fresh centre each start: history from an earlier run would contradict the new simulation.
            await writer.ClearAsync(cancellationToken);
            var now = _runner.LocalNow;
            var from = now.Date < now - options.MinBackfill ? now.Date : now - options.MinBackfill;
            await _runner.WriteLookupsAsync(cancellationToken);
            await _runner.BackfillAsync(from, cancellationToken);
            LogEmbedded(DemoDatabase.FilePath(environment), _runner.RowsWritten, from);
        }
        else
        {
            await _runner.WriteLookupsAsync(cancellationToken);
            LogAgainstConfigured();
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _runner!.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The dashboard keeps serving what it has; only the simulated traffic stops.
            LogStopped(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode: embedded Raw data file {Path}, {Rows} simulated rows written since {From}. Set ConnectionStrings:RawData to use a real database.")]
    private partial void LogEmbedded(string path, long rows, DateTime from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo:Enabled is true: simulated traffic is being written into the configured Raw data database.")]
    private partial void LogAgainstConfigured();

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo traffic stopped.")]
    private partial void LogStopped(Exception exception);
}
