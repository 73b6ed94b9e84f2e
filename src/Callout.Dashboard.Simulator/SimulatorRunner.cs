using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Simulator;

/// <summary>Drives a <see cref="TrafficGenerator"/> on a clock and writes what it produces into Raw data.</summary>
public sealed class SimulatorRunner(RawDataWriter writer, CentreProfile profile, int seed, TimeProvider clock)
{
    private const int CallsPerTransaction = 500;

    private TrafficGenerator? _generator;

    /// <summary>Rows written so far, for progress reports.</summary>
    public long RowsWritten { get; private set; }

    public DateTime LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), profile.TimeZone).DateTime;

    /// <summary>The lookups the dashboard names agents and queues from.</summary>
    public Task WriteLookupsAsync(CancellationToken cancellationToken) =>
        writer.WriteLookupsAsync(
            profile.Agents.Select(a => new AgentRow(a.AgentId, a.UserName, a.FullName, a.TeamId, a.Team, false)),
            [.. profile.Queues.Append(profile.InboundQueue).Append(profile.TransferQueue).Select(q => new QueueRow(q.Key, q.Name))],
            cancellationToken);

    /// <summary>
    /// Simulates from <paramref name="from"/> up to now in one go and writes each call's final rows, as a
    /// Raw data database that has been filling since then would hold them.
    /// </summary>
    public async Task BackfillAsync(DateTime from, CancellationToken cancellationToken)
    {
        _generator = new TrafficGenerator(profile, seed, from);
        await WriteAsync(_generator.Advance(LocalNow), cancellationToken);
    }

    /// <summary>Writes live traffic every second until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _generator ??= new TrafficGenerator(profile, seed, LocalNow);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        do
        {
            await WriteAsync(_generator.Advance(LocalNow), cancellationToken);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    /// <summary>Writes the writes in time order; a call rewritten several times in one batch lands once, as its last state.</summary>
    public async Task WriteAsync(IReadOnlyList<RawDataWrite> writes, CancellationToken cancellationToken)
    {
        var calls = writes.OfType<CallWrite>().GroupBy(w => w.CallId).Select(g => g.Last().Rows).ToList();
        foreach (var chunk in calls.Chunk(CallsPerTransaction))
        {
            await writer.WriteCallsAsync(chunk, cancellationToken);
            RowsWritten += chunk.Sum(c => c.Count);
        }
        var agentEvents = writes.OfType<AgentEventWrite>().Select(w => w.Row).ToList();
        if (agentEvents.Count > 0)
        {
            await writer.WriteAgentEventsAsync(agentEvents, cancellationToken);
            RowsWritten += agentEvents.Count;
        }
    }
}
