namespace Callout.Dashboard.Tests.Api;

public sealed class HealthAndStartupTests
{
    [Fact]
    public async Task Healthz_DatabaseUnreachable_IsDegradedWithReason_AndBoardIsMarkedStale()
    {
        // Port 9 on loopback: nothing listens there, so every poll fails at once.
        await using var app = DashboardApp.OnPostgres("Host=127.0.0.1;Port=9;Username=reader;Database=raw;Timeout=2");

        var board = await app.WaitForBoardAsync(b => b.GetProperty("freshness").GetProperty("lastPollAt").ValueKind == JsonValueKind.String);
        var health = await app.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");

        Assert.False(board.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean());
        Assert.Equal(JsonValueKind.String, board.GetProperty("freshness").GetProperty("staleSince").ValueKind);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Contains("Raw data poll failing", health.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("RawData:Provider", "Oracle", "RawData:Provider 'Oracle' is unknown")]
    [InlineData("RawData:TimeZone", "Mars/Olympus_Mons", "RawData:TimeZone 'Mars/Olympus_Mons' is not a known time zone id")]
    [InlineData("RawData:PollInterval", "00:00:00", "RawData:PollInterval must be longer than zero")]
    [InlineData("RawData:CallEventExtrasTable", "x; DROP TABLE agents", "RawData:CallEventExtrasTable")]
    [InlineData("RawData:PauseTypeColumn", "reason; --", "RawData:PauseTypeColumn 'reason; --' is not a plain column name")]
    [InlineData("Board:RecentWindow", "-00:05:00", "Board:RecentWindow must be longer than zero")]
    public void Start_BadSetting_StopsWithClearMessage(string key, string value, string message)
    {
        using var app = new DashboardApp(new Dictionary<string, string?> { [key] = value, ["ConnectionStrings:RawData"] = "Data Source=:memory:" });

        var error = app.StartFailure<OptionsValidationException>();

        Assert.Contains(message, error.Message);
    }

    /// <summary>As an operator runs it: one line naming the key, a non-zero exit code, no stack trace.</summary>
    [Theory]
    [InlineData("RawData__TimeZone=Mars/Olympus_Mons", "RawData:TimeZone", "'Mars/Olympus_Mons' is not a known time zone id: use an IANA id")]
    [InlineData("RawData__PollInterval=00:00:00", "RawData:PollInterval", "must be longer than zero")]
    [InlineData("RawData__Provider=PostgreSQL|ConnectionStrings__RawData=Host=x;Port=abc|Auth__Mode=None", "ConnectionStrings:RawData", "is not a PostgreSQL connection string (Couldn't set port")]
    [InlineData("ConnectionStrings__RawData=raw.db|Auth__Mode=None", "ConnectionStrings:RawData", "is not a Sqlite connection string (Format of the initialization string")]
    // Read while the pipeline is built, before the host runs: it used to end in an unhandled exception.
    [InlineData("RawData__Provider=PostgreSQL|ConnectionStrings__RawData=Host=127.0.0.1;Port=9|Demo__Enabled=true|Auth__AllowOpenAccess=false", "Auth:AllowOpenAccess", "anyone who can reach this server would see it")]
    public async Task Process_BadSetting_ExitsWithOneLineNamingTheKey(string settings, string key, string message)
    {
        // Settings as NAME=value pairs separated by '|' (connection strings hold ';' and '=').
        var environment = settings.Split('|').Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        await using var host = DashboardProcess.Start(environment);

        await StartupRefusal.AssertOneLineAsync(host, key, message);
    }

    [Fact]
    public void Start_PostgreSqlWithoutConnectionString_StopsWithClearMessage()
    {
        using var app = new DashboardApp(new Dictionary<string, string?> { ["RawData:Provider"] = "PostgreSQL" });

        var error = app.StartFailure<OptionsValidationException>();

        Assert.Contains("ConnectionStrings:RawData is not set", error.Message);
    }
}
