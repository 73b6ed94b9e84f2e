namespace Callout.Dashboard.Simulator;

/// <summary>
/// Fills a database with months of history for benchmarks: the generator run fast-forward at a high
/// rate, each call written once in its final state.
/// </summary>
public sealed class BulkSeeder(RawDataWriter writer, CentreProfile profile, int seed)
{
    private static readonly TimeSpan s_step = TimeSpan.FromHours(1);

    public async Task<long> SeedAsync(long rows, DateTime until, Action<long> progress, CancellationToken cancellationToken)
    {
        // About 4 rows a call: spread the history over 60 days whatever the size asked for.
        var span = TimeSpan.FromDays(60);
        var rate = Math.Max(1, rows / 4.2 / span.TotalMinutes);
        var from = until - span;
        var seeding = profile with { RatePerMinute = rate, Agents = ManyAgents(rate) };
        var runner = new SimulatorRunner(writer, seeding, seed, TimeProvider.System);
        var generator = new TrafficGenerator(seeding, seed, from);
        for (var t = from + s_step; runner.RowsWritten < rows && t <= until; t += s_step)
        {
            await runner.WriteAsync(generator.Advance(t), cancellationToken);
            progress(runner.RowsWritten);
        }
        return runner.RowsWritten;
    }

    /// <summary>Enough agents for the rate: each is busy a few minutes per call.</summary>
    private IReadOnlyList<SimAgent> ManyAgents(double rate) =>
        [.. Enumerable.Range(0, Math.Max(profile.Agents.Count, (int)(rate * 8)))
            .Select(i => new SimAgent(1001 + i, $"agent{1001 + i}", $"Agent {1001 + i}", 1 + i % 3, $"Team {1 + i % 3}", $"4790{100000 + i:D6}"))];
}
