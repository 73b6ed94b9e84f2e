namespace Callout.Dashboard.Ui.Tests.Panels;

/// <summary>
/// Rows take the level of their own alarm, on the desk and on the wall: a colour class and a mark with the level as an
/// icon and a word; below the threshold neither.
/// </summary>
public sealed class RowLevelTests
{
    private static readonly DateTime Now = At(10, 30);

    public static TheoryData<int, string?> Overdue => new() { { 4, null }, { 7, "warning" }, { 20, "alarm" } };

    public static TheoryData<int, string?> Open => new() { { 9, null }, { 12, "warning" }, { 25, "alarm" } };

    public static TheoryData<int, string?> Paused => new() { { 10, null }, { 20, "warning" }, { 28, "alarm" } };

    public static TheoryData<int, string?> OverdueCalls => new() { { 2, null }, { 3, "warning" }, { 6, "alarm" } };

    [Theory]
    [MemberData(nameof(Overdue))]
    public async Task ScheduledRows_CallOverdue_ByTheCallsAlarm(int minutes, string? level)
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Scheduled(7001, At(9, 0), Now.AddMinutes(-minutes), updated: Now));

        AssertRow(h.RenderPanel<ScheduledPanel>().Find("tr[data-call='7001']"), level);
        AssertRow(h.RenderPanel<WallScheduledList>().Find("[data-call='7001']"), level, wall: true);
    }

    [Theory]
    [MemberData(nameof(Open))]
    public async Task ActiveRows_CalloutOpen_ByTheCallsAlarm(int minutes, string? level)
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, Now.AddMinutes(-minutes), updated: Now));

        AssertRow(h.RenderPanel<ActiveCalloutsPanel>().Find("tr[data-call='7001']"), level);
        AssertRow(h.RenderPanel<WallActiveList>().Find("[data-call='7001']"), level, wall: true);
    }

    [Theory]
    [MemberData(nameof(Paused))]
    public async Task PausedRows_LongPause_ByTheAgentsAlarm(int minutes, string? level)
    {
        await using var h = new UiHarness(Now);
        h.Poll([.. Rows.Ordered(7001, At(10, 29), agentId: Rows.OtherAgentId)], [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", Now.AddMinutes(-minutes))]);

        AssertRow(h.RenderPanel<PausedAgentsPanel>().Find($"tr[data-agent='{Rows.AgentId}']"), level);
        AssertRow(h.RenderPanel<WallPausedList>().Find($"[data-agent='{Rows.AgentId}']"), level, wall: true);
    }

    [Theory]
    [MemberData(nameof(OverdueCalls))]
    public async Task QueueRows_OverdueCalls_ByTheQueuesAlarm(int calls, string? level)
    {
        await using var h = new UiHarness(Now);
        // A minute overdue each: no call alarms, only the queue's count.
        h.Poll(Enumerable.Range(0, calls).SelectMany(i => Rows.Scheduled(7001 + i, At(9, 0), Now.AddMinutes(-1), updated: Now)));

        var cut = h.RenderPanel<QueueTable>();

        AssertRow(cut.Find($"tr[data-queue='{Rows.Sales}']"), level);
        Assert.DoesNotContain(cut.Find($"tr[data-queue='{Rows.Support}']").ClassList, c => c.StartsWith("level-", StringComparison.Ordinal));
    }

    private static void AssertRow(AngleSharp.Dom.IElement row, string? level, bool wall = false)
    {
        var mark = row.QuerySelector(".level-mark");
        if (level is null)
        {
            Assert.DoesNotContain(row.ClassList, c => c.StartsWith("level-", StringComparison.Ordinal));
            // The wall keeps the mark's column in every row, empty without an alarm.
            Assert.Equal("", mark?.TextContent ?? "");
            return;
        }
        Assert.Contains($"level-{level}", row.ClassList);
        Assert.Equal(level == "alarm" ? "✖ alarm" : "⚠ warning", mark?.TextContent);
        if (!wall)
        {
            Assert.Contains("(limit ", mark!.GetAttribute("title"), StringComparison.Ordinal);
        }
    }
}
