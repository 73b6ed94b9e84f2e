using Callout.Dashboard.RawData;
using Microsoft.Data.Sqlite;

namespace Callout.Dashboard.Demo;

/// <summary>
/// The zero-setup Raw data database: a SQLite file in the app's data folder, created with the shipped
/// schema when no connection string is configured. A configured database is never created or altered.
/// </summary>
public sealed class DemoDatabase(IWebHostEnvironment environment, IConfiguration configuration, ILogger<DemoDatabase> logger) : IHostedService
{
    public static string FilePath(IHostEnvironment environment) => Path.Combine(environment.ContentRootPath, "data", "rawdata.db");

    public static string ConnectionString(IHostEnvironment environment) =>
        new SqliteConnectionStringBuilder { DataSource = FilePath(environment), DefaultTimeout = 10 }.ToString();

    public static bool IsInUse(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration.GetConnectionString("RawData"));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsInUse(configuration))
        {
            return;
        }
        var path = FilePath(environment);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var connection = new SqliteConnection(ConnectionString(environment));
        await connection.OpenAsync(cancellationToken);
        await SchemaScripts.ApplyAsync(connection, RawDataProvider.Sqlite, cancellationToken);
        logger.LogInformation("No ConnectionStrings:RawData configured: using the embedded demo database {Path}", path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
