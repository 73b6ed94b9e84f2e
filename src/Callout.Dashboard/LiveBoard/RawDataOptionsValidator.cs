using Callout.Dashboard.RawData;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Callout.Dashboard.LiveBoard;

/// <summary>A bad RawData setting stops start-up with a message that names the key and a fix.</summary>
public sealed partial class RawDataOptionsValidator(IConfiguration configuration) : IValidateOptions<RawDataOptions>
{
    public ValidateOptionsResult Validate(string? name, RawDataOptions options)
    {
        var failures = new List<string>();
        if (!RawDataProvider.IsSqlite(options.Provider) && !RawDataProvider.IsPostgreSql(options.Provider))
        {
            failures.Add($"RawData:Provider '{options.Provider}' is unknown: use '{RawDataProvider.Sqlite}' or '{RawDataProvider.PostgreSql}'.");
        }
        var connectionString = configuration.GetConnectionString("RawData");
        if (RawDataProvider.IsPostgreSql(options.Provider) && string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add("RawData:Provider is PostgreSQL but ConnectionStrings:RawData is not set.");
        }
        if (!string.IsNullOrWhiteSpace(connectionString) && FormatProblem(options.Provider, connectionString) is { } problem)
        {
            // A password parses as any text, so the parser's words never quote one.
            failures.Add($"ConnectionStrings:RawData is not a {options.Provider} connection string ({problem}): check its keywords and its form, Key=Value pairs separated by ';'.");
        }
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZones.TryFind(options.TimeZone, out _))
        {
            failures.Add($"RawData:TimeZone '{options.TimeZone}' is not a known time zone id: use an IANA id such as 'Europe/Oslo' (a server without time zone data needs the tzdata package).");
        }
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"RawData:PollInterval must be longer than zero (got {options.PollInterval}); the default is 00:00:02.");
        }
        if (options.OverlapWindow < TimeSpan.Zero)
        {
            failures.Add($"RawData:OverlapWindow must not be negative (got {options.OverlapWindow}).");
        }
        if (options.CommandTimeout <= TimeSpan.Zero || options.MaxBackoff <= TimeSpan.Zero || options.LookupRefreshInterval <= TimeSpan.Zero)
        {
            failures.Add("RawData:CommandTimeout, RawData:MaxBackoff and RawData:LookupRefreshInterval must be longer than zero.");
        }
        if (options.CalloutQueuePrefixes.Length == 0 || options.CalloutQueuePrefixes.Any(string.IsNullOrEmpty))
        {
            failures.Add("RawData:CalloutQueuePrefixes must list at least one non-empty queue-key prefix, e.g. '__Callout_'.");
        }
        if (!RawDataReader.TableName().IsMatch(options.CallEventExtrasTable ?? ""))
        {
            failures.Add($"RawData:CallEventExtrasTable '{options.CallEventExtrasTable}' is not a plain table name (letters, digits, '_', optionally schema.table).");
        }
        if (!string.IsNullOrWhiteSpace(options.PauseTypeColumn) && !ColumnName().IsMatch(options.PauseTypeColumn))
        {
            failures.Add($"RawData:PauseTypeColumn '{options.PauseTypeColumn}' is not a plain column name (letters, digits, '_'); leave it empty to find the pause reason by itself.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What the provider's parser says is wrong with the connection string; null when it parses (or the provider is unknown).</summary>
    private static string? FormatProblem(string provider, string connectionString)
    {
        try
        {
            if (RawDataProvider.IsPostgreSql(provider))
            {
                _ = new NpgsqlConnectionStringBuilder(connectionString);
            }
            else if (RawDataProvider.IsSqlite(provider))
            {
                _ = new SqliteConnectionStringBuilder(connectionString);
            }
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return ex.Message;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex ColumnName();
}
