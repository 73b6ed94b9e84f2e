using Microsoft.Data.Sqlite;

namespace Callout.Dashboard.Demo;

/// <summary>
/// The zero-setup Raw data database: a SQLite file in the app's data folder, used when no connection
/// string is configured. Its tables are ours to create and empty; a configured database never is.
/// </summary>
public static class DemoDatabase
{
    public static bool IsInUse(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration.GetConnectionString("RawData"));

    public static string FilePath(IHostEnvironment environment) => Path.Combine(environment.ContentRootPath, "data", "rawdata.db");

    public static string ConnectionString(IHostEnvironment environment) =>
        new SqliteConnectionStringBuilder { DataSource = FilePath(environment), DefaultTimeout = 10 }.ToString();
}
