namespace Callout.Dashboard.Tests.LiveBoard;

/// <summary>
/// The database looked at once at start-up, as an operator runs the dashboard: a mistake that retrying will not mend
/// ends the process with one line naming the setting; a database that is down is ridden out.
/// </summary>
public sealed class RawDataStartupCheckTests
{
    private const string Key = "ConnectionStrings:RawData";

    [Theory]
    [InlineData("wrong password", "the database server refused the login (28P01: password authentication failed for user \"callout_wrongpw\"). Check Username and Password")]
    [InlineData("unknown user", "the database server refused the login (28000: role \"callout_nobody\" does not exist). Check Username and Password")]
    [InlineData("no such database", "names a database the server does not have (3D000: database \"callout_missing\" does not exist). Check Database.")]
    [InlineData("host that does not resolve", "names a host that does not resolve")]
    [InlineData("no Raw data tables", "The Raw data database has no table call_events")]
    [InlineData("required column missing", "The Raw data table call_events has no column dte_updated")]
    [InlineData("SQLite file that cannot be opened", "names a SQLite file that cannot be opened")]
    [InlineData("demo on somebody's database", "Demo:Enabled is true, but the configured database has tables and no call_events")]
    [InlineData("demo with a wrong password", "the database server refused the login (28P01")]
    public async Task Process_DatabaseMistake_ExitsWithOneLineNamingTheSetting(string mistake, string message)
    {
        await using var host = DashboardProcess.Start(await SettingsForAsync(mistake));

        await StartupRefusal.AssertOneLineAsync(host, Key, message);
    }

    [Fact]
    public async Task Process_DatabaseDownAtStartUp_StartsWarnsOnceAndShowsTheOutage()
    {
        // A port nothing listens on: connection refused, as from a database server that is restarting.
        await using var host = DashboardProcess.Start(OnPostgres($"Host=127.0.0.1;Port={DashboardProcess.FreePort()};Username=reader;Database=raw;Timeout=2"));
        using var client = new HttpClient { BaseAddress = host.Address };

        var health = await Eventually.Until(
            async () => await (await client.GetAsync("/healthz")).Content.ReadFromJsonAsync<JsonElement>(),
            h => h.GetProperty("status").GetString() == "degraded",
            TimeSpan.FromSeconds(90),
            "/healthz reporting the outage");

        Assert.False(host.HasExited);
        Assert.Contains("Raw data poll failing", health.GetProperty("reason").GetString());
        var warning = Assert.Single(host.Output.Split('\n'), l => l.Contains("cannot be reached at start-up", StringComparison.Ordinal));
        Assert.Contains("starts anyway", warning);
        Assert.DoesNotContain(host.Output.Split('\n'), l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    private static async Task<Dictionary<string, string>> SettingsForAsync(string mistake)
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer());
        string With(Action<NpgsqlConnectionStringBuilder> change)
        {
            var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString);
            change(builder);
            return builder.ConnectionString;
        }
        return mistake switch
        {
            "wrong password" => OnPostgres(await TestDatabase.WrongPasswordConnectionStringAsync()),
            "unknown user" => OnPostgres(With(b => b.Username = "callout_nobody")),
            "no such database" => OnPostgres(With(b => b.Database = "callout_missing")),
            // .invalid never resolves (RFC 2606).
            "host that does not resolve" => OnPostgres(With(b => b.Host = "raw-data.invalid")),
            "no Raw data tables" => OnPostgres(await TestDatabase.CreateEmptyPostgresDatabaseAsync()),
            "required column missing" => OnPostgres(await TestDatabase.CreatePostgresDatabaseWithAsync(
                "CREATE TABLE call_events (rec_id bigint, call_id numeric(19,0), event_type char(1), dte_start timestamp, queue_key varchar(100), result_code char(2))")),
            "SQLite file that cannot be opened" => new() { ["ConnectionStrings__RawData"] = "Data Source=/nonexistent-folder/rawdata.db", ["Auth__Mode"] = "None" },
            "demo on somebody's database" => new(OnPostgres(await TestDatabase.CreatePostgresDatabaseWithAsync("CREATE TABLE invoices (id int)"))) { ["Demo__Enabled"] = "true" },
            "demo with a wrong password" => new(OnPostgres(await TestDatabase.WrongPasswordConnectionStringAsync())) { ["Demo__Enabled"] = "true" },
            _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null),
        };
    }

    /// <summary>A configured PostgreSQL database, open to anyone: these databases are nobody's data.</summary>
    private static Dictionary<string, string> OnPostgres(string connectionString) => new()
    {
        ["RawData__Provider"] = "PostgreSQL",
        ["ConnectionStrings__RawData"] = connectionString,
        ["RawData__TimeZone"] = "Europe/Oslo",
        ["Auth__Mode"] = "None",
    };
}
