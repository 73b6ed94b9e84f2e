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

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, error.Message);
    }

    /// <summary>As an operator runs it: one line naming the key, a non-zero exit code, no stack trace.</summary>
    [Theory]
    [InlineData("RawData__TimeZone", "Mars/Olympus_Mons", "RawData:TimeZone 'Mars/Olympus_Mons' is not a known time zone id")]
    [InlineData("RawData__PollInterval", "00:00:00", "RawData:PollInterval must be longer than zero")]
    public async Task Process_BadSetting_ExitsWithOneLineNamingTheKey(string key, string value, string message)
    {
        await using var host = DashboardProcess.Start(new Dictionary<string, string> { [key] = value });

        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)), "Still running with a bad setting:\n" + host.Output);

        Assert.Equal(1, host.ExitCode);
        var line = Assert.Single(host.Output.Split('\n'), l => l.Contains(message, StringComparison.Ordinal));
        Assert.StartsWith("Callout Dashboard did not start: ", line);
        Assert.DoesNotContain(host.Output.Split('\n'), l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", host.Output);
    }

    [Fact]
    public void Start_PostgreSqlWithoutConnectionString_StopsWithClearMessage()
    {
        using var app = new DashboardApp(new Dictionary<string, string?> { ["RawData:Provider"] = "PostgreSQL" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("ConnectionStrings:RawData is not set", error.Message);
    }
}
