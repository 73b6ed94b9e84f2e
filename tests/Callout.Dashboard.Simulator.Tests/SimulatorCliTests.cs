using Microsoft.Data.Sqlite;

namespace Callout.Dashboard.Simulator.Tests;

public sealed class SimulatorCliTests
{
    [Theory]
    [InlineData("--rate", "fast")]
    [InlineData("--provider", "Oracle")]
    [InlineData("--backfill", "yesterday")]
    [InlineData("--bogus", "1")]
    [InlineData("--schema", "v2.0")]
    public async Task Cli_BadArgument_ExitsWithCode2AndSaysWhy(string name, string value)
    {
        var (code, _, error) = await RunCliAsync("--connection", "Data Source=x.db", "--apply-schema", name, value);

        Assert.Equal(2, code);
        Assert.Contains(name, error);
    }

    [Fact]
    public async Task Cli_NoConnection_ExitsWithCode2()
    {
        var (code, _, error) = await RunCliAsync("--rate", "10");

        Assert.Equal(2, code);
        Assert.Contains("--connection is required", error);
    }

    [Fact]
    public async Task Cli_BadSchema_NamesTheShapesItKnows()
    {
        var (code, _, error) = await RunCliAsync("--connection", "Data Source=x.db", "--apply-schema", "--schema", "oracle");

        Assert.Equal(2, code);
        Assert.Contains("Bad value 'oracle' for --schema: use one of current, v1.5, mirror.", error);
    }

    [Fact]
    public async Task Cli_SchemaWithoutApplySchema_ExitsWithCode2()
    {
        var (code, _, error) = await RunCliAsync("--connection", "Data Source=x.db", "--schema", "v1.5");

        Assert.Equal(2, code);
        Assert.Contains("--schema only applies with --apply-schema", error);
    }

    [Fact]
    public async Task Cli_Help_PrintsUsage()
    {
        var (code, output, _) = await RunCliAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("--backfill", output);
        Assert.Contains("--schema <current|v1.5|mirror>", output);
    }

    [Theory]
    [InlineData("v1.5", null)]
    [InlineData("mirror", "call_events_extras")]
    public async Task Cli_ApplySchemaOfAShape_CreatesThatShapeAndWritesIntoIt(string shape, string? extrasTable)
    {
        var file = Path.Combine(Path.GetTempPath(), $"callout-sim-{Guid.NewGuid():N}.db");
        try
        {
            var (code, _, error) = await RunCliAsync("--connection", $"Data Source={file}", "--apply-schema", "--schema", shape, "--backfill", "30m", "--duration", "1s");

            Assert.True(code == 0, error);
            await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
            await connection.OpenAsync();
            var extras = new List<string>();
            await using (var tables = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%extras'", connection))
            await using (var reader = await tables.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    extras.Add(reader.GetString(0));
                }
            }
            Assert.Equal(extrasTable is null ? [] : [extrasTable], extras);
            await using var count = new SqliteCommand("SELECT COUNT(*) FROM call_events", connection);
            Assert.True((long)(await count.ExecuteScalarAsync())! > 20);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TryDuration_Units_Parse()
    {
        Assert.True(DurationText.TryParse("1d", out var day));
        Assert.True(DurationText.TryParse("90m", out var minutes));
        Assert.True(DurationText.TryParse("00:00:30", out var span));
        Assert.False(DurationText.TryParse("-5m", out _));
        Assert.Equal((TimeSpan.FromDays(1), TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(30)), (day, minutes, span));
    }

    /// <summary>Runs the built CLI as a real process.</summary>
    private static async Task<(int Code, string Output, string Error)> RunCliAsync(params string[] args)
    {
        var run = await ProcessRunner.RunDotnetAsync(Path.Combine(AppContext.BaseDirectory, "Callout.Dashboard.Simulator.dll"), args, TimeSpan.FromSeconds(60));
        return (run.Code, run.Output, run.Error);
    }
}
