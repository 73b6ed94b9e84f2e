using Callout.Dashboard.RawData;
using Callout.Dashboard.Simulator;
using Npgsql;

if (!SimulatorArguments.TryParse(args, out var arguments, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}
if (arguments.Help)
{
    Console.WriteLine(SimulatorArguments.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var zone = arguments.TimeZone is null ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(arguments.TimeZone);
await using var dataSource = RawDataProvider.IsPostgreSql(arguments.Provider) ? NpgsqlDataSource.Create(arguments.Connection) : null;
IRawDataConnections connections = dataSource is null ? new SqliteConnections(arguments.Connection) : new PostgreSqlConnections(dataSource);

try
{
    if (arguments.ApplySchema)
    {
        await using var connection = await connections.OpenAsync(stop.Token);
        await SchemaScripts.ApplyAsync(connection, arguments.Provider, arguments.Schema ?? SchemaShape.Current, stop.Token);
    }

    var profile = new CentreProfile { RatePerMinute = arguments.Rate, TimeZone = zone, MaxArrivalDelay = arguments.MaxDelay };
    var runner = new SimulatorRunner(new RawDataWriter(connections), profile, arguments.Seed, TimeProvider.System);
    await runner.WriteLookupsAsync(stop.Token);

    if (arguments.Bulk is { } rows)
    {
        var seeder = new BulkSeeder(new RawDataWriter(connections), profile, arguments.Seed);
        await seeder.SeedAsync(rows, runner.LocalNow, progress => Console.WriteLine($"{progress:N0} rows written"), stop.Token);
        return 0;
    }
    if (arguments.Backfill is { } backfill)
    {
        await runner.BackfillAsync(runner.LocalNow - backfill, stop.Token);
        Console.WriteLine($"Backfilled {backfill} of history: {runner.RowsWritten:N0} rows.");
    }

    Console.WriteLine($"Writing live traffic at about {arguments.Rate} calls a minute (seed {arguments.Seed}, zone {zone.Id}). Ctrl+C stops.");
    if (arguments.Duration is { } duration)
    {
        stop.CancelAfter(duration);
    }
    await runner.RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}
catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
{
    Console.Error.WriteLine($"The simulator stopped: {ex.Message}");
    return 1;
}
return 0;
