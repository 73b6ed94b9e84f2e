using Callout.Dashboard.Simulator;

namespace Callout.Dashboard.Tests.Api;

/// <summary>
/// A configured database that is not (quite) a Raw data database (§9.7–9.9, issue "bad input"): at start-up the host
/// refuses with one message naming the setting (the process tests are RawDataStartupCheckTests); when the tables go
/// while it runs, it keeps running and says once and clearly what is wrong, in the log, on /healthz and on the board,
/// with no stack trace.
/// </summary>
public sealed class SchemaProblemTests
{
    [Fact]
    public async Task Running_RawDataTablesGone_OneClearMessageInLogHealthAndBoard()
    {
        await using var db = await TestDatabase.CreatePostgresAsync();
        await using var app = DashboardApp.OnPostgres(db.ConnectionString, ("RawData:MaxBackoff", "00:00:00.400"));
        using var logged = app.Logged(out var logs);
        var http = logged.CreateClient();
        await DashboardApp.WaitForJsonAsync(http, "/api/board", b => b.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean());

        await db.ExecuteAsync("ALTER TABLE call_events RENAME TO call_events_moved");

        var board = await DashboardApp.WaitForJsonAsync(http, "/api/board", b => b.GetProperty("freshness").GetProperty("lastError").GetString() == PollFailure.MissingSchema);
        // Several failed polls later the message is still logged once.
        await DashboardApp.WaitForJsonAsync(http, "/api/board", b => b.GetProperty("freshness").GetProperty("lastPollAt").GetDateTimeOffset()
            > board.GetProperty("freshness").GetProperty("lastPollAt").GetDateTimeOffset().AddSeconds(1));
        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Contains(PollFailure.MissingSchema, health.GetProperty("reason").GetString());
        Assert.Contains("has no table call_events", health.GetProperty("details").GetProperty("lastErrorDetail").GetString());
        Assert.Contains("ConnectionStrings:RawData", health.GetProperty("details").GetProperty("schema").GetProperty("problem").GetString());
        var problems = logs.Collector.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).ToList();
        Assert.Single(problems, r => r.Message.Contains("has no table call_events", StringComparison.Ordinal));
        Assert.All(problems, r => Assert.Null(r.Exception));
    }

    [Fact]
    public async Task Start_DatabaseWithoutRawDataTables_RefusesNamingTheSetting()
    {
        await using var app = DashboardApp.OnPostgres(await TestDatabase.CreatePostgresDatabaseWithAsync("CREATE TABLE invoices (id int)"));

        var error = app.StartFailure<RawDataSchemaException>();

        Assert.Contains("has no table call_events", error.Message);
        Assert.Contains("ConnectionStrings:RawData", error.Message);
    }

    [Fact]
    public async Task Start_RequiredColumnMissing_NamesTableAndColumn()
    {
        var connectionString = await TestDatabase.CreatePostgresDatabaseWithAsync(
            "CREATE TABLE call_events (rec_id bigint, call_id numeric(19,0), event_type char(1), dte_start timestamp, queue_key varchar(100), result_code char(2))");
        await using var app = DashboardApp.OnPostgres(connectionString);

        var error = app.StartFailure<RawDataSchemaException>();

        Assert.Contains("The Raw data table call_events has no column dte_updated", error.Message);
    }

    [Fact]
    public async Task Healthz_OlderDatabase_ListsWhatIsReadAndWhatTheBoardDoesWithout()
    {
        await using var db = await TestDatabase.CreatePostgresAsync();
        await db.ExecuteAsync(SchemaScripts.AlterationsFor(RawDataProvider.PostgreSql, SchemaShape.V15));
        await using var app = DashboardApp.OnPostgres(db.ConnectionString);

        var health = await DashboardApp.WaitForJsonAsync(app.CreateClient(), "/healthz", h => h.GetProperty("status").GetString() == "healthy");

        var schema = health.GetProperty("details").GetProperty("schema");
        Assert.Equal(JsonValueKind.Null, schema.GetProperty("extrasTable").ValueKind);
        Assert.Contains("call_id", schema.GetProperty("callEvents").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain("leg_type", schema.GetProperty("callEvents").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(schema.GetProperty("without").EnumerateArray(), w => w.GetString()!.StartsWith("call_events.dte_scheduled_callback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_EmptyConfiguredDatabase_SimulatorCreatesItsSchemaAndSaysSo()
    {
        var connectionString = await TestDatabase.CreateEmptyPostgresDatabaseAsync();
        await using var app = DashboardApp.OnPostgres(connectionString, ("Demo:Enabled", "true"));
        using var logged = app.Logged(out var logs);

        await DashboardApp.WaitForJsonAsync(logged.CreateClient(), "/api/board", b => b.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean()
            && b.GetProperty("queues").GetArrayLength() > 0, timeoutSeconds: 60);

        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Message.Contains("created the Raw data tables", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_SomebodysDatabase_IsNotWrittenInto_AndStartUpRefusesNamingTheSettings()
    {
        var connectionString = await TestDatabase.CreatePostgresDatabaseWithAsync("CREATE TABLE invoices (id int)");
        await using var app = DashboardApp.OnPostgres(connectionString, ("Demo:Enabled", "true"));

        var error = app.StartFailure<RawDataSchemaException>();

        Assert.Contains("Demo:Enabled=false", error.Message);
        Assert.Contains("ConnectionStrings:RawData", error.Message);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(1L, await tables.ExecuteScalarAsync());
    }
}
