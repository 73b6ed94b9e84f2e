namespace Callout.Dashboard.Contracts;

/// <summary>
/// One list of the board as viewers see it, described once: its JSON name, how to read it from a snapshot and put it
/// back, what identifies an entry, and where its entries hold phone numbers. The snapshot cache, the hub's deltas,
/// the masking and the pages' change checks walk <see cref="BoardLists.All"/>, so a new list is one entry there.
/// </summary>
public interface IBoardList
{
    /// <summary>The list's name in the JSON of GET /api/board, the hub's snapshot and its deltas.</summary>
    string Name { get; }

    /// <summary>Whether its entries are calls, keyed by call id.</summary>
    bool HoldsCalls { get; }

    /// <summary><paramref name="next"/> with this list of <paramref name="previous"/> where the entries are equal, so pages tell changes by reference.</summary>
    BoardSnapshot ReuseUnchanged(BoardSnapshot previous, BoardSnapshot next);

    /// <summary>The same list object in both: nothing in it changed.</summary>
    bool IsSameList(BoardSnapshot a, BoardSnapshot b);

    /// <summary>Entries added or changed from <paramref name="before"/> to <paramref name="after"/>.</summary>
    IReadOnlyList<object> Changed(BoardSnapshot before, BoardSnapshot after);

    /// <summary>Keys of the entries that left the list.</summary>
    IReadOnlyList<object> Removed(BoardSnapshot before, BoardSnapshot after);

    /// <summary>The snapshot with the list's phone numbers passed through <paramref name="mask"/>.</summary>
    BoardSnapshot MaskNumbers(BoardSnapshot snapshot, Func<string?, string?> mask);
}

public sealed class BoardList<T>(
    string name,
    Func<BoardSnapshot, IReadOnlyList<T>> get,
    Func<BoardSnapshot, IReadOnlyList<T>, BoardSnapshot> with,
    Func<T, object> key,
    Func<T, Func<string?, string?>, T>? numbers = null,
    bool holdsCalls = true) : IBoardList
    where T : class
{
    public string Name => name;

    public bool HoldsCalls => holdsCalls;

    public IReadOnlyList<T> Of(BoardSnapshot snapshot) => get(snapshot);

    public BoardSnapshot ReuseUnchanged(BoardSnapshot previous, BoardSnapshot next) =>
        get(previous).SequenceEqual(get(next)) ? with(next, get(previous)) : next;

    public bool IsSameList(BoardSnapshot a, BoardSnapshot b) => ReferenceEquals(get(a), get(b));

    public IReadOnlyList<object> Changed(BoardSnapshot before, BoardSnapshot after)
    {
        var old = get(before).ToDictionary(key);
        return [.. get(after).Where(item => !old.TryGetValue(key(item), out var previous) || !Equals(previous, item))];
    }

    public IReadOnlyList<object> Removed(BoardSnapshot before, BoardSnapshot after)
    {
        var now = get(after).Select(key).ToHashSet();
        return [.. get(before).Select(key).Where(k => !now.Contains(k))];
    }

    public BoardSnapshot MaskNumbers(BoardSnapshot snapshot, Func<string?, string?> mask) =>
        numbers is null ? snapshot : with(snapshot, [.. get(snapshot).Select(item => numbers(item, mask))]);
}

public static class BoardLists
{
    public static readonly BoardList<ActiveCallout> ActiveCallouts = new("activeCallouts",
        s => s.ActiveCallouts, (s, l) => s with { ActiveCallouts = l }, c => c.CallId, (c, mask) => c with { Destination = mask(c.Destination) });

    public static readonly BoardList<RecentCallout> RecentCallouts = new("recentCallouts",
        s => s.RecentCallouts, (s, l) => s with { RecentCallouts = l }, c => c.CallId, (c, mask) => c with { Destination = mask(c.Destination) });

    public static readonly BoardList<ScheduledCallout> ScheduledPending = new("scheduledPending",
        s => s.ScheduledPending, (s, l) => s with { ScheduledPending = l }, c => c.CallId, (c, mask) => c with { Destination = mask(c.Destination) });

    public static readonly BoardList<CancelledCallout> RecentCancelled = new("recentCancelled",
        s => s.RecentCancelled, (s, l) => s with { RecentCancelled = l }, c => c.CallId);

    public static readonly BoardList<AgentView> Agents = new("agents",
        s => s.Agents, (s, l) => s with { Agents = l }, a => a.AgentId, holdsCalls: false);

    public static readonly BoardList<QueueSummary> Queues = new("queues",
        s => s.Queues, (s, l) => s with { Queues = l }, q => q.QueueKey, holdsCalls: false);

    public static readonly BoardList<AlarmView> Alarms = new("alarms",
        s => s.Alarms, (s, l) => s with { Alarms = l }, a => a.Id, holdsCalls: false);

    public static readonly BoardList<IntradayBucket> Intraday = new("intraday",
        s => s.Intraday, (s, l) => s with { Intraday = l }, b => b.Start, holdsCalls: false);

    public static readonly BoardList<QueueFunnel> Funnel = new("funnel",
        s => s.Funnel, (s, l) => s with { Funnel = l }, f => f.QueueKey, holdsCalls: false);

    public static readonly BoardList<DueSoon> DueSoon = new("dueSoon",
        s => s.DueSoon, (s, l) => s with { DueSoon = l }, d => d.QueueKey, holdsCalls: false);

    public static readonly IReadOnlyList<IBoardList> All = [ActiveCallouts, RecentCallouts, ScheduledPending, RecentCancelled, Agents, Queues, Alarms, Intraday, Funnel, DueSoon];
}
