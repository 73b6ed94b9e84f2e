using System.Globalization;

namespace Callout.Dashboard.Simulator.Tests;

/// <summary>
/// One four-hour run of the default centre folded by the real Board, shared by the tests that look for a Puzzel
/// shape in its rows and check what the Board made of it: every write, every call's final rows, and the snapshot
/// taken after each minute's writes.
/// </summary>
public sealed class FourSeededHours
{
    public FourSeededHours()
    {
        Centre = new SimulatedCentre(seed: 1);
        Centre.Run(TimeSpan.FromHours(4), Snapshots.Add);
        FinalRows = Centre.Writes.OfType<CallWrite>().GroupBy(w => w.CallId).ToDictionary(g => g.Key, g => g.Last().Rows);
        foreach (var snapshot in Snapshots)
        {
            foreach (var call in snapshot.RecentCallouts)
            {
                Recent[call.CallId] = call;
            }
            foreach (var call in snapshot.RecentCancelled)
            {
                Cancelled[call.CallId] = call;
            }
        }
    }

    internal SimulatedCentre Centre { get; }

    public List<BoardSnapshot> Snapshots { get; } = [];

    public IReadOnlyDictionary<decimal, IReadOnlyList<CallEventRow>> FinalRows { get; }

    /// <summary>Each finished callout as the last snapshot that listed it showed it.</summary>
    public Dictionary<string, RecentCallout> Recent { get; } = [];

    public Dictionary<string, CancelledCallout> Cancelled { get; } = [];

    public IEnumerable<AgentEventWrite> AgentEvents => Centre.Writes.OfType<AgentEventWrite>();

    /// <summary>The final rows of every callout (a Queue event in a callout queue) whose rows match <paramref name="shape"/>.</summary>
    public List<(decimal CallId, IReadOnlyList<CallEventRow> Rows)> Callouts(Func<IReadOnlyList<CallEventRow>, bool> shape) =>
        [.. FinalRows.Where(c => c.Value.Any(IsCalloutQueueEvent) && shape(c.Value)).Select(c => (c.Key, c.Value))];

    /// <summary>When the call's first write (its order session) became visible.</summary>
    public DateTime FirstLanded(decimal callId) => Centre.Writes.OfType<CallWrite>().First(w => w.CallId == callId).At;

    public DateTime LastLanded(decimal callId) => Centre.Writes.OfType<CallWrite>().Last(w => w.CallId == callId).At;

    /// <summary>The minute snapshots taken at or after <paramref name="from"/> and before <paramref name="to"/>.</summary>
    public IEnumerable<BoardSnapshot> Between(DateTime from, DateTime to) =>
        Snapshots.Where(s => s.AsOf.DateTime >= from && s.AsOf.DateTime < to);

    public static string Id(decimal callId) => callId.ToString("0", CultureInfo.InvariantCulture);

    public static bool IsCalloutQueueEvent(CallEventRow row) =>
        row.EventType == PuzzelCodes.Queue && row.QueueKey?.StartsWith("__Callout_", StringComparison.Ordinal) == true;

    public static List<CallEventRow> AgentLegs(IReadOnlyList<CallEventRow> rows) =>
        [.. rows.Where(r => r.EventType == PuzzelCodes.Conversation && r.Ciq == PuzzelCodes.AgentLeg)];

    public static CallEventRow? ContactLeg(IReadOnlyList<CallEventRow> rows) =>
        rows.FirstOrDefault(r => r.EventType == PuzzelCodes.Conversation && r.Ciq == PuzzelCodes.ContactLeg);

    public static bool IsScheduled(IReadOnlyList<CallEventRow> rows) =>
        rows.Any(r => r.EventType == PuzzelCodes.Initiation && r.DurationTotSec > 60);

    /// <summary>The agent on the order session's Queue row: who clicked Call, or the reserved agent "to me".</summary>
    public static int? OrderingAgent(IReadOnlyList<CallEventRow> rows) =>
        rows.First(r => IsCalloutQueueEvent(r) && r.ResultCode == "q").AgentId;
}
