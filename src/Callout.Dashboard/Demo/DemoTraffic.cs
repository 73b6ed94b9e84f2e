using System.Data.Common;
using Callout.Dashboard.RawData;
using Callout.Dashboard.Simulator;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Demo;

/// <summary>
/// Demo mode: prepares the embedded database (schema, lookups, today's history) before the poller starts,
/// then writes live simulated traffic. Against a configured database it only runs when asked
/// (Demo:Enabled=true), and then neither creates nor empties tables.
/// </summary>
public sealed class DemoTraffic(
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
    private bool _refused;

    /// <summary>Whether pages say "Demo data": the demo is on and was not refused the configured database.</summary>
    public bool IsEnabled => IsRunning(demo.Value, configuration) && !_refused;

    /// <summary>Whether the demo centre runs: as configured, else whenever no Raw data database is.</summary>
    public static bool IsRunning(DemoOptions demo, IConfiguration configuration) => demo.Enabled ?? DemoDatabase.IsInUse(configuration);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsRunning(demo.Value, configuration))
        {
            return;
        }
        var options = demo.Value;
        var writer = new RawDataWriter(connections, rawData.Value.CallEventExtrasTable);
        var now = rules.LocalNow(clock);
        _runner = new SimulatorRunner(writer, DemoCentre.Profile(options, rules.TimeZone, now), options.Seed ?? Random.Shared.Next(), clock);

        if (DemoDatabase.IsInUse(configuration))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DemoDatabase.FilePath(environment))!);
            await using (var connection = await connections.OpenAsync(cancellationToken))
            {
                await SchemaScripts.ApplyAsync(connection, RawDataProvider.Sqlite, cancellationToken);
            }
            // A fresh centre each start: history from an earlier run would contradict the new simulation.
            await writer.ClearAsync(cancellationToken);
            var from = DemoCentre.HistoryFrom(now, options);
            await _runner.WriteLookupsAsync(cancellationToken);
            await _runner.BackfillAsync(from, cancellationToken);
            logger.Embedded(DemoDatabase.FilePath(environment), _runner.RowsWritten, from);
        }
        else if (!await PrepareConfiguredAsync(cancellationToken))
        {
            _refused = true;
            return;
        }
        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// A configured database is written into only when it has Puzzel's call_events, or is empty (then the simulator
    /// creates its schema and says so). Anything else is somebody's database: start-up stops and says why. A database
    /// that refuses the login or does not exist stops it too; one that is down only turns the demo off, since the
    /// dashboard rides out the outage.
    /// </summary>
    private async Task<bool> PrepareConfiguredAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (var connection = await connections.OpenAsync(cancellationToken))
            {
                var tables = await SchemaDiscovery.ListColumnsAsync(connection, RawDataSchema.TablesToFind(rawData.Value), cancellationToken);
                if (!tables.ContainsKey(RawDataSchema.CallEvents))
                {
                    if (await SchemaDiscovery.HasAnyTableAsync(connection, cancellationToken))
                    {
                        throw new RawDataSchemaException(
                            "Demo:Enabled is true, but the configured database has tables and no call_events: the simulator writes only into a Raw data database or an empty one. Point ConnectionStrings:RawData at an empty database, or set Demo:Enabled=false.");
                    }
                    await SchemaScripts.ApplyAsync(connection, rawData.Value.Provider, cancellationToken);
                    logger.CreatedSchema();
                }
            }
            await _runner!.WriteLookupsAsync(cancellationToken);
            logger.AgainstConfigured();
            return true;
        }
        catch (DbException ex) when (ConnectionFailure.Mistake(ex) is { } mistake)
        {
            logger.Detail(ex);
            throw new RawDataConnectionException(mistake, ex);
        }
        catch (DbException ex)
        {
            logger.Unreachable(ex.Message);
            return false;
        }
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
            logger.Stopped(ex);
        }
    }
}
