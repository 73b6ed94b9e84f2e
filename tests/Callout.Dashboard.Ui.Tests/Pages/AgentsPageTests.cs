using AngleSharp.Dom;

namespace Callout.Dashboard.Ui.Tests.Pages;

/// <summary>/agents: each agent's state with its time and what it concerns, today's figures, sorting, the queue filter and alarms.</summary>
public sealed class AgentsPageTests
{
    private static readonly DateTime Now = At(10, 10);

    // The alarm loop folds a moved clock in on its own thread: beside other test processes on two cores, that took
    // longer than bUnit's default second once in CI.
    private static readonly TimeSpan s_alarmArrives = TimeSpan.FromSeconds(10);

    // Agents beyond the two the lookups name show as "Agent {id}".
    private const int FreeAgent = 1003, StuckAgent = 1004, GoneAgent = 1005;

    // The table's columns, in order.
    private const int Name = 0, State = 2, Since = 3, Detail = 4, Alarm = 5, Callouts = 6;

    [Fact]
    public async Task AgentsPage_EachState_ShowsItsSinceAndWhatItConcerns()
    {
        await using var h = new UiHarness(Now);
        h.Poll(
            [
                .. Rows.Ordered(7001, At(10, 5), Rows.Sales),
                .. Rows.Answered(7002, At(9, 30), Rows.Sales, FreeAgent),
                .. Rows.Ordered(7003, At(10, 0), Rows.Support, StuckAgent),
            ],
            [
                Rows.AgentEvent("i", At(8, 0)),
                Rows.AgentEvent("i", At(8, 30), Rows.OtherAgentId), Rows.AgentEvent("p", At(9, 50), Rows.OtherAgentId, "Lunch"),
                Rows.AgentEvent("i", At(8, 0), FreeAgent),
                Rows.AgentEvent("i", At(8, 0), StuckAgent), Rows.AgentEvent("p", At(10, 2), StuckAgent, "Admin"),
                Rows.AgentEvent("i", At(8, 0), GoneAgent), Rows.AgentEvent("o", At(9, 0), GoneAgent),
            ]);

        var cut = h.RenderPage<AgentsPage>("/agents");

        Assert.Equal(["on a callout", "10:05 · 5 min", "Sales"], Cells(cut, Rows.AgentId, State, Since, Detail));
        Assert.Equal(["pause", "09:50 · 20 min", "Lunch"], Cells(cut, Rows.OtherAgentId, State, Since, Detail));
        // Free since the answered call ended (its agent leg: 5 s after the order, 95 s long), not since the log-on.
        Assert.Equal(["free", "09:31 · 38 min", "—"], Cells(cut, FreeAgent, State, Since, Detail));
        Assert.Equal(["connected & pause", "10:02 · 8 min", "Support"], Cells(cut, StuckAgent, State, Since, Detail));
        Assert.Equal(["logged off", "09:00 · 1 h 10 min", "—"], Cells(cut, GoneAgent, State, Since, Detail));
        // The state is an icon and a word: the icon's colour comes from the state's class.
        Assert.NotNull(Row(cut, Rows.AgentId).QuerySelector(".activity-on-callout svg.icon"));
    }

    [Fact]
    public async Task AgentsPage_KnownMixOfCalls_ShowsTodaysFigures()
    {
        await using var h = new UiHarness(Now);
        h.Poll(
            [
                .. Rows.Answered(7001, At(9, 0)),
                .. Rows.Answered(7002, At(9, 10)),
                .. Called(7003, At(9, 20), contactResult: "t"),
                .. Called(7004, At(9, 30), contactResult: "b"),
                .. Called(7005, At(9, 40), contactResult: null),
                .. Rows.Cancelled(7006, At(9, 50)),
                // Yesterday's call is not today's.
                .. Rows.Answered(7000, At(9, 0).AddDays(-1)),
            ],
            [Rows.AgentEvent("i", At(8, 0))]);

        var cut = h.RenderPage<AgentsPage>("/agents");

        // Callouts, answered, not answered, busy/error, agent not reached, cancelled, talk time, average talk (80 s each).
        Assert.Equal(["6", "2", "1", "1", "1", "1", "02:40", "01:20"], Cells(cut, Rows.AgentId, [.. Enumerable.Range(Callouts, 8)]));
    }

    [Fact]
    public async Task AgentsPage_NoAnsweredCall_AverageTalkIsDash()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Called(7003, At(9, 20), contactResult: "t"), [Rows.AgentEvent("i", At(8, 0))]);

        var cut = h.RenderPage<AgentsPage>("/agents");

        Assert.Equal(["00:00", "—"], Cells(cut, Rows.AgentId, Callouts + 6, Callouts + 7));
    }

    [Fact]
    public async Task AgentsPage_SortLabel_SortsByThatColumnBothWays()
    {
        await using var h = new UiHarness(Now);
        h.Poll(
            [
                .. Rows.Answered(7001, At(9, 0)), .. Rows.Answered(7002, At(9, 5)), .. Rows.Answered(7003, At(9, 10)),
                .. Rows.Answered(7101, At(9, 0), agentId: Rows.OtherAgentId),
                .. Rows.Answered(7201, At(9, 0), agentId: FreeAgent), .. Rows.Answered(7202, At(9, 5), agentId: FreeAgent),
            ],
            [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("i", At(8, 0), Rows.OtherAgentId), Rows.AgentEvent("i", At(8, 0), FreeAgent)]);
        var cut = h.RenderPage<AgentsPage>("/agents");
        Assert.Equal(["Agent 1003", "Kari Nordmann", "Ola Hansen"], Names(cut));

        SortLabel(cut, "Callouts").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Ola Hansen", "Agent 1003", "Kari Nordmann"], Names(cut)));

        SortLabel(cut, "Callouts").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Kari Nordmann", "Agent 1003", "Ola Hansen"], Names(cut)));
        // Every column sorts.
        Assert.Equal(cut.FindAll(".agents-table th").Count, cut.FindAll(".agents-table th .mud-table-sort-label").Count);
    }

    [Theory]
    [InlineData("/agents", new[] { "Kari Nordmann", "Ola Hansen" }, "2")]
    [InlineData($"/agents?queue={Rows.Sales}", new[] { "Kari Nordmann" }, "1")]
    public async Task AgentsPage_QueueFilter_ShowsItsAgentsWithThatQueuesFigures(string uri, string[] names, string karisCallouts)
    {
        await using var h = new UiHarness(Now);
        h.Poll(
            [
                .. Rows.Answered(7001, At(9, 0), Rows.Sales),
                .. Rows.Answered(7002, At(9, 10), Rows.Support),
                .. Rows.Answered(7101, At(9, 0), Rows.Support, Rows.OtherAgentId),
            ],
            [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("i", At(8, 0), Rows.OtherAgentId)]);

        var cut = h.RenderPage<AgentsPage>(uri);

        Assert.Equal(names, Names(cut));
        Assert.Equal([karisCallouts], Cells(cut, Rows.AgentId, Callouts));
    }

    [Fact]
    public async Task AgentsPage_PausedTooLong_RowTakesTheLevelsClassAndMark()
    {
        var rules = AlarmRules.Default with { Pause = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)) };
        await using var h = new UiHarness(Now, alarms: rules);
        h.Poll([], [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(10, 6), pauseType: "Admin"), Rows.AgentEvent("i", At(8, 0), Rows.OtherAgentId)]);
        h.Advance(TimeSpan.Zero);
        var cut = h.RenderPage<AgentsPage>("/agents");
        Assert.DoesNotContain("level-warning", Row(cut, Rows.AgentId).ClassList);
        Assert.Equal([""], Cells(cut, Rows.AgentId, Alarm));

        h.Advance(TimeSpan.FromMinutes(2));

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("level-warning", Row(cut, Rows.AgentId).ClassList);
            // Never colour alone: an icon and the word, and what the alarm says as the tooltip.
            Assert.Equal(["⚠ warning"], Cells(cut, Rows.AgentId, Alarm));
            Assert.Contains("Kari Nordmann", Row(cut, Rows.AgentId).QuerySelector(".level-mark")!.GetAttribute("title"));
        }, s_alarmArrives);

        h.Advance(TimeSpan.FromMinutes(5));

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("level-alarm", Row(cut, Rows.AgentId).ClassList);
            Assert.Equal(["✖ alarm"], Cells(cut, Rows.AgentId, Alarm));
        }, s_alarmArrives);
        Assert.Equal([""], Cells(cut, Rows.OtherAgentId, Alarm));
        Assert.DoesNotContain("level-alarm", Row(cut, Rows.OtherAgentId).ClassList);
    }

    [Fact]
    public async Task AgentsPage_TimeInStateMoves_OnTheTick()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 9, 50)), [Rows.AgentEvent("i", At(8, 0))]);
        var cut = h.RenderPage<AgentsPage>("/agents");
        Assert.Equal(["10:09 · 10 s"], Cells(cut, Rows.AgentId, Since));

        h.Clock.Advance(TimeSpan.FromSeconds(5));

        cut.WaitForAssertion(() => Assert.Equal(["10:09 · 15 s"], Cells(cut, Rows.AgentId, Since)));
    }

    [Fact]
    public async Task AgentsPage_InNorwegian_ShowsStatesAndColumnsInNorwegian()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 5)), [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("i", At(8, 0), Rows.OtherAgentId)]);
        using var nb = TestTexts.InCulture("nb-NO");

        var cut = h.RenderPage<AgentsPage>("/agents");

        Assert.Equal(["i utringing", "10:05 · 5 min", "Sales"], Cells(cut, Rows.AgentId, State, Since, Detail));
        Assert.Equal(["ledig"], Cells(cut, Rows.OtherAgentId, State));
        var headers = cut.FindAll(".agents-table th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("Kø / årsak", headers);
        Assert.Contains("Utringinger", headers);
        Assert.Contains("Snitt samtale", headers);
    }

    /// <summary>A callout that reached the call session: the contact's result, or no contact leg at all (the agent was not reached).</summary>
    private static CallEventRow[] Called(decimal callId, DateTime orderedAt, string? contactResult)
    {
        var start = orderedAt.AddSeconds(5);
        var end = start.AddSeconds(95);
        CallEventRow[] contact = contactResult is null ? [] : [PuzzelRows.ContactLeg(callId, start.AddSeconds(5), contactResult, speakSec: 0) with { QueueKey = Rows.Sales, DteUpdated = end }];
        return
        [
            .. Rows.Ordered(callId, orderedAt),
            PuzzelRows.AgentLeg(callId, start, contactResult is null ? "t" : "k", speakSec: 0) with { QueueKey = Rows.Sales, DteUpdated = end },
            .. contact,
        ];
    }

    private static IElement Row(IRenderedComponent<AgentsPage> cut, int agentId) => cut.Find($"td[data-agent='{agentId}']").ParentElement!;

    private static string[] Cells(IRenderedComponent<AgentsPage> cut, int agentId, params int[] columns)
    {
        var cells = Row(cut, agentId).Children;
        return [.. columns.Select(c => cells[c].TextContent.Trim())];
    }

    private static List<string> Names(IRenderedComponent<AgentsPage> cut) =>
        [.. cut.FindAll(".agents-table tbody tr").Select(r => r.Children[Name].TextContent.Trim())];

    private static IElement SortLabel(IRenderedComponent<AgentsPage> cut, string header) =>
        cut.FindAll(".agents-table th .mud-table-sort-label").Single(l => l.TextContent.Trim() == header);
}
