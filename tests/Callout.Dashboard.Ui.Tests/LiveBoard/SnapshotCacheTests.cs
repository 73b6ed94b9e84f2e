namespace Callout.Dashboard.Ui.Tests.LiveBoard;

/// <summary>Panels compare lists by reference, so the cache keeps a list while its rows stay equal.</summary>
public sealed class SnapshotCacheTests
{
    [Fact]
    public async Task Get_NextSecondSameRows_KeepsTheLists()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll([.. Rows.Scheduled(7002, At(9, 0), At(11, 0)), .. Rows.Ordered(7001, At(10, 40))], []);
        var first = h.Snapshots.Get(QueueFilter.All, maskNumbers: true);

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var next = h.Snapshots.Get(QueueFilter.All, maskNumbers: true);

        Assert.NotSame(first, next);
        Assert.Same(first.ScheduledPending, next.ScheduledPending);
        Assert.Same(first.ActiveCallouts, next.ActiveCallouts);
        Assert.Same(first.Queues, next.Queues);
        Assert.Same(first.Freshness, next.Freshness);
    }

    [Fact]
    public async Task Get_BoardChangedOneList_ReplacesOnlyThatList()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll([.. Rows.Scheduled(7002, At(9, 0), At(11, 0)), .. Rows.Ordered(7001, At(10, 40))], []);
        var first = h.Snapshots.Get(QueueFilter.All, maskNumbers: true);

        h.Board.Apply(new PollBatch([.. Rows.Ordered(7009, At(10, 49))], []));
        var next = h.Snapshots.Get(QueueFilter.All, maskNumbers: true);

        Assert.NotSame(first.ActiveCallouts, next.ActiveCallouts);
        Assert.Same(first.ScheduledPending, next.ScheduledPending);
    }

    [Fact]
    public async Task Get_ScheduledCallPassesDueTime_ReplacesTheList()
    {
        await using var h = new UiHarness(At(10, 59, 59));
        h.Poll(Rows.Scheduled(7002, At(9, 0), At(11, 0)));
        var first = h.Snapshots.Get(QueueFilter.All, maskNumbers: true);

        h.Clock.Advance(TimeSpan.FromSeconds(2));
        var next = h.Snapshots.Get(QueueFilter.All, maskNumbers: true);

        Assert.NotSame(first.ScheduledPending, next.ScheduledPending);
        Assert.True(next.ScheduledPending[0].Overdue);
    }
}
