using System.Text.Json.Serialization;

namespace Callout.Dashboard.Contracts;

/// <summary>
/// What changed in one group's view since its previous message: entries added or changed (same shapes as
/// GET /api/board) and the keys of entries gone. A client whose version differs from
/// <see cref="PreviousVersion"/> missed a message and asks for a fresh snapshot.
/// </summary>
public sealed record BoardDeltaMessage(
    long Version,
    long PreviousVersion,
    DateTimeOffset AsOf,
    Freshness Freshness,
    IReadOnlyList<ActiveCallout> ActiveCallouts,
    IReadOnlyList<RecentCallout> RecentCallouts,
    IReadOnlyList<ScheduledCallout> ScheduledPending,
    IReadOnlyList<CancelledCallout> RecentCancelled,
    IReadOnlyList<AgentView> Agents,
    IReadOnlyList<QueueSummary> Queues,
    int AgentToAgentToday,
    RemovedEntries Removed)
{
    [JsonIgnore]
    public bool IsEmpty =>
        ActiveCallouts.Count + RecentCallouts.Count + ScheduledPending.Count + RecentCancelled.Count + Agents.Count + Queues.Count == 0
        && Removed.IsEmpty;

    public static BoardDeltaMessage Between(BoardSnapshot before, BoardSnapshot after) => new(
        after.Version,
        before.Version,
        after.AsOf,
        after.Freshness,
        Upserts(before.ActiveCallouts, after.ActiveCallouts, c => c.CallId),
        Upserts(before.RecentCallouts, after.RecentCallouts, c => c.CallId),
        Upserts(before.ScheduledPending, after.ScheduledPending, c => c.CallId),
        Upserts(before.RecentCancelled, after.RecentCancelled, c => c.CallId),
        Upserts(before.Agents, after.Agents, a => a.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Upserts(before.Queues, after.Queues, q => q.QueueKey),
        after.AgentToAgentToday,
        new RemovedEntries(
            Gone(before.ActiveCallouts, after.ActiveCallouts, c => c.CallId),
            Gone(before.RecentCallouts, after.RecentCallouts, c => c.CallId),
            Gone(before.ScheduledPending, after.ScheduledPending, c => c.CallId),
            Gone(before.RecentCancelled, after.RecentCancelled, c => c.CallId),
            [.. Gone(before.Agents, after.Agents, a => a.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(int.Parse)],
            Gone(before.Queues, after.Queues, q => q.QueueKey)));

    private static List<T> Upserts<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key)
    {
        var old = before.ToDictionary(key, StringComparer.Ordinal);
        return [.. after.Where(item => !old.TryGetValue(key(item), out var previous) || !Equals(previous, item))];
    }

    private static List<string> Gone<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key)
    {
        var now = after.Select(key).ToHashSet(StringComparer.Ordinal);
        return [.. before.Select(key).Where(k => !now.Contains(k))];
    }
}

/// <summary>Keys of entries that left a list: call ids, agent ids, queue keys.</summary>
public sealed record RemovedEntries(
    IReadOnlyList<string> ActiveCallouts,
    IReadOnlyList<string> RecentCallouts,
    IReadOnlyList<string> ScheduledPending,
    IReadOnlyList<string> RecentCancelled,
    IReadOnlyList<int> Agents,
    IReadOnlyList<string> Queues)
{
    [JsonIgnore]
    public bool IsEmpty => ActiveCallouts.Count + RecentCallouts.Count + ScheduledPending.Count + RecentCancelled.Count + Agents.Count + Queues.Count == 0;
}
