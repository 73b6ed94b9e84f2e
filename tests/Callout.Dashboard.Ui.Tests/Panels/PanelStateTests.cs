namespace Callout.Dashboard.Ui.Tests.Panels;

/// <summary>Every panel has loading, empty and data states (house style §8), each marked with data-state.</summary>
public sealed class PanelStateTests
{
    private static readonly DateTime Now = At(10, 5);

    /// <summary>A panel, its data-panel name and empty text, and a poll that gives it one row.</summary>
    private sealed record PanelCase(Type Component, string Name, string EmptyText, string RowSelector, Action<UiHarness> Seed);

    private static readonly Dictionary<string, PanelCase> s_cases = new()
    {
        ["active"] = new(typeof(ActiveCalloutsPanel), "active", "No callouts in progress", "tr[data-call='7001']",
            h => h.Poll(Rows.Ordered(7001, At(10, 0)))),
        ["scheduled"] = new(typeof(ScheduledPanel), "scheduled", "No scheduled calls waiting", "tr[data-call='7002']",
            h => h.Poll(Rows.Scheduled(7002, At(9, 0), At(11, 0)))),
        ["recent"] = new(typeof(RecentCalloutsPanel), "recent", "No callouts finished in the recent window", "tr[data-call='7003']",
            h => h.Poll(Rows.Answered(7003, At(9, 50)))),
        ["paused"] = new(typeof(PausedAgentsPanel), "paused", "No agent in pause", $"tr[data-agent='{Rows.AgentId}']",
            h => h.Poll([], [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(9, 30), pauseType: "Lunch")])),
        ["cancelled"] = new(typeof(CancelledPanel), "cancelled", "Nothing cancelled or deleted in the recent window", "tr[data-call='7004']",
            h => h.Poll(Rows.Cancelled(7004, At(9, 55)))),
        ["queues"] = new(typeof(QueueTable), "queues", "No callout queues", $"tr[data-queue='{Rows.Sales}']",
            h => h.Poll(Rows.Ordered(7001, At(10, 0)))),
    };

    public static TheoryData<string> Panels => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Panels))]
    public async Task Panel_NoPollYet_ShowsLoadingSkeleton(string panel)
    {
        await using var h = new UiHarness(Now);
        var c = s_cases[panel];

        var cut = Render(h, c.Component);

        var card = cut.Find($"[data-panel='{c.Name}']");
        Assert.NotNull(card.QuerySelector("[data-state='loading']"));
        Assert.NotEmpty(card.QuerySelectorAll(".mud-skeleton"));
        Assert.Null(card.QuerySelector("[data-state='empty']"));
        Assert.Null(card.QuerySelector("[data-state='data']"));
        Assert.Null(card.QuerySelector("[data-count]"));
    }

    [Theory]
    [MemberData(nameof(Panels))]
    public async Task Panel_PollOkWithoutRows_ShowsEmptyText(string panel)
    {
        await using var h = new UiHarness(Now);
        var c = s_cases[panel];
        h.Board.RecordPoll(true);

        var cut = Render(h, c.Component);

        var card = cut.Find($"[data-panel='{c.Name}']");
        var empty = card.QuerySelector("[data-state='empty']");
        Assert.NotNull(empty);
        Assert.Equal(c.EmptyText, empty.TextContent.Trim());
        Assert.Equal("0", card.QuerySelector("[data-count]")?.TextContent.Trim());
        Assert.Null(card.QuerySelector("[data-state='loading']"));
        Assert.Null(card.QuerySelector("[data-state='data']"));
    }

    [Theory]
    [MemberData(nameof(Panels))]
    public async Task Panel_PollWithRows_ShowsRowsAndCount(string panel)
    {
        await using var h = new UiHarness(Now);
        var c = s_cases[panel];
        c.Seed(h);

        var cut = Render(h, c.Component);

        var card = cut.Find($"[data-panel='{c.Name}']");
        var data = card.QuerySelector("[data-state='data']");
        Assert.NotNull(data);
        Assert.NotNull(data.QuerySelector(c.RowSelector));
        Assert.Null(card.QuerySelector("[data-state='empty']"));
        Assert.Null(card.QuerySelector("[data-state='loading']"));
        Assert.DoesNotContain("stale", card.QuerySelector(".panel-head")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Panels))]
    public async Task Panel_LastPollFailed_ShowsStaleChipAndDashCount(string panel)
    {
        await using var h = new UiHarness(Now);
        var c = s_cases[panel];
        c.Seed(h);
        h.Board.RecordPoll(false, "connection refused");

        var cut = Render(h, c.Component);

        var head = cut.Find($"[data-panel='{c.Name}'] .panel-head");
        Assert.Contains("stale", head.QuerySelector(".mud-chip")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("—", head.QuerySelector("[data-count]")?.TextContent.Trim());
    }

    private static IRenderedComponent<IComponent> Render(UiHarness h, Type component)
    {
        var view = h.View();
        return h.Context.Render<IComponent>(builder =>
        {
            builder.OpenComponent(0, component);
            builder.AddComponentParameter(1, "View", view);
            builder.CloseComponent();
        });
    }
}
