namespace Callout.Dashboard.Tests.Benchmarks;

/// <summary>
/// The benchmark commands' --quick modes run in CI so they keep working; their figures are printed, never
/// judged here (timings on a shared CI machine prove nothing).
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Theory]
    [InlineData("poll-cost", true)]
    [InlineData("fanout", true)]
    [InlineData("circuits", false)]
    [InlineData("fold", false)]
    public async Task Quick_Run_EndsWithOneJsonLineOfFigures(string command, bool needsDatabase)
    {
        List<string> args = [command, "--quick"];
        if (needsDatabase)
        {
            args.AddRange(["--connection", TestDatabase.PostgresServer()]);
        }

        var (code, output) = await RunAsync(args);

        Assert.True(code == 0, $"{command} --quick exited with {code}:\n{output}");
        var json = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last(l => l.StartsWith('{'));
        using var figures = JsonDocument.Parse(json);
        Assert.Equal(command, figures.RootElement.GetProperty("benchmark").GetString());
        if (command == "fanout")
        {
            // Every round also timed commit → DOM in a real Chromium page.
            Assert.All(figures.RootElement.GetProperty("results").EnumerateArray(), round => Assert.Equal(1, round.GetProperty("dom_pages").GetInt32()));
        }
    }

    /// <summary>Two dashboards, nginx, Redis and Chromium: run with the Failover tests, after the parallel run (build/test.sh).</summary>
    [Fact]
    [Trait("Category", "Failover")]
    public Task Failover_Quick_Run_EndsWithOneJsonLineOfFigures() => Quick_Run_EndsWithOneJsonLineOfFigures("failover", needsDatabase: true);

    private static async Task<(int Code, string Output)> RunAsync(IEnumerable<string> args)
    {
        // The benchmarks are built with the solution, in the same configuration as this test.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = RepoRoot.Combine("tests", "Callout.Dashboard.Benchmarks", "bin", configuration, "net10.0", "Callout.Dashboard.Benchmarks.dll");
        var run = await ProcessRunner.RunDotnetAsync(dll, args, TimeSpan.FromMinutes(4), Path.GetTempPath());
        return (run.Code, run.Output + run.Error);
    }
}
