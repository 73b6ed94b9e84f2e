using Callout.Dashboard.Domain;
using Callout.Dashboard.Simulator;

namespace Callout.Dashboard.Benchmarks;

/// <summary>
/// The rows the <c>fold</c> benchmark feeds a Board: one simulated working day of a busy callout centre
/// (00:00 to 17:00, 30 calls a minute in office hours), written into an in-memory Raw data table the way
/// Puzzel and the database would. Deterministic: the same seed gives the same rows on every machine.
/// </summary>
public sealed class FoldWorkload
{
    public const double CallsPerMinute = 30;
    public const int Seed = 1;

    /// <summary>The reach-back of every incremental poll (RawData:OverlapWindow's default).</summary>
    public static readonly TimeSpan OverlapWindow = TimeSpan.FromSeconds(10);

    public static readonly TimeZoneInfo Zone = Oslo.Zone;

    /// <summary>A Friday without a DST change.</summary>
    public static readonly DateTime Date = new(2026, 11, 27);

    public static readonly DateTime HourFrom = Date.AddHours(9);
    public static readonly DateTime HourTo = Date.AddHours(10);

    /// <summary>The board's clock: the end of office hours, when today's lists are at their longest.</summary>
    public static readonly DateTime Now = Date.AddHours(17);

    // Built once per process: BenchmarkDotNet calls each benchmark's global setup, and the in-process
    // toolchain runs them all here, so the day is simulated only once.
    private static readonly Lazy<FoldWorkload> s_shared = new(() => new FoldWorkload());

    private FoldWorkload()
    {
        Rules = new BoardRules { TimeZone = Zone };
        Clock = new FixedClock(new DateTimeOffset(Now, Zone.GetUtcOffset(Now)));
        var agents = Agents((int)(CallsPerMinute * 8));
        var profile = new CentreProfile { RatePerMinute = CallsPerMinute, TimeZone = Zone, Agents = agents };
        var agentRows = agents.Select(a => new AgentRow(a.AgentId, a.UserName, a.FullName, a.TeamId, a.Team, false)).ToList();
        List<QueueRow> queueRows = [.. profile.Queues.Select(q => new QueueRow(q.Key, q.Name)), new QueueRow(profile.InboundQueue.Key, profile.InboundQueue.Name)];

        // The call_events table: Puzzel rewrites all rows of a call when a later session lands, and the
        // database hands the new rows new rec_ids. Agent events are only ever inserted.
        var table = new Dictionary<decimal, IReadOnlyList<CallEventRow>>();
        var agentEvents = new List<AgentEventRow>();
        var hourCalls = new Dictionary<decimal, IReadOnlyList<CallEventRow>>();
        var hourAgentEvents = new List<AgentEventRow>();
        long nextRecId = 1;
        var generator = new TrafficGenerator(profile, Seed, Date);
        foreach (var write in generator.Advance(Now))
        {
            var inHour = write.At >= HourFrom && write.At < HourTo;
            switch (write)
            {
                case CallWrite call:
                    List<CallEventRow> rows = [.. call.Rows.Select(r => r with { RecId = nextRecId++ })];
                    table[call.CallId] = rows;
                    if (inHour)
                    {
                        hourCalls[call.CallId] = rows;
                    }
                    break;
                case AgentEventWrite agentEvent:
                    var row = agentEvent.Row with { RecId = nextRecId++ };
                    agentEvents.Add(row);
                    if (inHour)
                    {
                        hourAgentEvents.Add(row);
                    }
                    break;
            }
        }

        // The reader returns only callouts and agent-to-agent calls, never inbound traffic.
        var relevant = table.Values.Where(Relevant).ToList();
        var relevantInHour = hourCalls.Values.Where(Relevant).ToList();

        // What polls covering 09:00-10:00 would have read, each call in the last state written in the hour;
        // a first poll also brings the lookups.
        Hour = new PollBatch([.. relevantInHour.SelectMany(r => r)], hourAgentEvents, agentRows, queueRows);
        HourCalls = relevantInHour.Count;

        // The start-up load at 17:00: every call of the day in its current state.
        Day = new PollBatch([.. relevant.SelectMany(r => r)], agentEvents, agentRows, queueRows);
        DayCalls = relevant.Count;

        // A poll with nothing new: every call with a row stamped within the overlap window of the watermark,
        // re-read whole, and the agent events of their own window. Lookups are not due.
        var callsSince = table.Values.SelectMany(r => r).Max(r => r.DteUpdated)!.Value - OverlapWindow;
        var agentsSince = agentEvents.Max(r => r.DteUpdated)!.Value - OverlapWindow;
        var overlapCalls = relevant.Where(rows => rows.Any(r => r.DteUpdated > callsSince)).ToList();
        Overlap = new PollBatch([.. overlapCalls.SelectMany(r => r)], [.. agentEvents.Where(r => r.DteUpdated > agentsSince)]);
        OverlapCalls = overlapCalls.Count;
    }

    public static FoldWorkload Shared => s_shared.Value;

    public BoardRules Rules { get; }

    public TimeProvider Clock { get; }

    /// <summary>One office hour's writes (09:00-10:00) for a fresh board.</summary>
    public PollBatch Hour { get; }

    public int HourCalls { get; }

    /// <summary>The whole day up to <see cref="Now"/>, as the start-up poll reads it.</summary>
    public PollBatch Day { get; }

    public int DayCalls { get; }

    /// <summary>The unchanged rows an incremental poll re-reads at <see cref="Now"/>.</summary>
    public PollBatch Overlap { get; }

    public int OverlapCalls { get; }

    public static int RowsOf(PollBatch batch) => batch.CallRows.Count + batch.AgentEvents.Count;

    public Board NewBoard() => new(Rules, Clock);

    /// <summary>The reader's "relevant" rule: a Queue event in a callout queue, or an agent-to-agent Initiation.</summary>
    private bool Relevant(IReadOnlyList<CallEventRow> rows) =>
        rows.Any(r => (r.EventType == PuzzelCodes.Queue && Rules.IsCalloutQueue(r.QueueKey))
            || (r.EventType == PuzzelCodes.Initiation && (r.Source == PuzzelCodes.AgentToAgentSource || r.Agent2Agent == 1)));

    /// <summary>Enough agents for the rate (each is busy a few minutes per call), as the simulator's bulk seeder sizes them.</summary>
    private static List<SimAgent> Agents(int count) =>
        [.. Enumerable.Range(0, count)
            .Select(i => new SimAgent(1001 + i, $"agent{1001 + i}", $"Agent {1001 + i}", 1 + i % 3, $"Team {1 + i % 3}", $"4790{100000 + i:D6}"))];

    /// <summary>The benchmark's clock stands still: snapshots must all describe the same moment.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
