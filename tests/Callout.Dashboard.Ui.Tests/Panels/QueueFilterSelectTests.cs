namespace Callout.Dashboard.Ui.Tests.Panels;

/// <summary>
/// The queue filter shows MudSelect's closed markup until someone opens it, so a page nobody touches does not
/// carry a MudSelect; opened, it is the MudSelect, and choices go to the URL.
/// </summary>
public sealed partial class QueueFilterSelectTests
{
    [Theory]
    [InlineData("/")]
    [InlineData($"/?queue={Rows.Sales}&queue={Rows.Support}")]
    public async Task QueueFilterSelect_Closed_RendersWhatAClosedMudSelectRenders(string uri)
    {
        await using var h = new UiHarness(At(10, 0));
        h.Poll(Rows.Ordered(7001, At(9, 0)));
        var filter = Navigate(h, uri);
        h.Context.Render<MudPopoverProvider>();

        var ours = Render(h, filter);
        var stock = h.Context.Render<MudSelect<string>>(p => p
            .Add(x => x.Label, "Queues").Add(x => x.MultiSelection, true).Add(x => x.Clearable, true).Add(x => x.Dense, true)
            .Add(x => x.Variant, Variant.Outlined).Add(x => x.SelectedValues, filter.Keys)
            .Add(x => x.MultiSelectionTextFunc, keys => keys!.Count == 0 ? "All callout queues" : string.Join(", ", keys.Select(k => k == Rows.Sales ? "Sales" : "Support")))
            .Add(x => x.Placeholder, "All callout queues").Add(x => x.Class, "queue-filter")
            .AddUnmatched("data-panel", "queue-filter"));

        Assert.Empty(ours.FindComponents<MudSelect<string>>());
        Assert.Equal(Normalized(stock.Markup), Normalized(ours.Markup));
    }

    [Fact]
    public async Task QueueFilterSelect_Clicked_OpensTheMudSelectWithTheCalloutQueues()
    {
        await using var h = new UiHarness(At(10, 0));
        var (cut, popovers) = Opened(h);

        cut.WaitForAssertion(() => Assert.Single(cut.FindComponents<MudSelect<string>>()));
        popovers.WaitForAssertion(() => Assert.Equal(["Sales", "Support"], popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
    }

    [Fact]
    public async Task QueueFilterSelect_QueueChosen_PutsItInTheUrl()
    {
        await using var h = new UiHarness(At(10, 0));
        var (_, popovers) = Opened(h);
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")));

        popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Support").Click();

        Assert.EndsWith($"?queue={Rows.Support}", h.Context.Services.GetRequiredService<BunitNavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueFilterSelect_ClearClickedWhileClosed_RemovesTheFilterFromTheUrl()
    {
        await using var h = new UiHarness(At(10, 0));
        h.Poll(Rows.Ordered(7001, At(9, 0)));
        var filter = Navigate(h, $"/?queue={Rows.Sales}");
        var cut = Render(h, filter);

        cut.Find("button[aria-label='Clear']").Click();

        Assert.Equal("http://localhost/", h.Context.Services.GetRequiredService<BunitNavigationManager>().Uri);
        Assert.Empty(cut.FindComponents<MudSelect<string>>());
    }

    private static QueueFilter Navigate(UiHarness h, string uri)
    {
        h.Context.Services.GetRequiredService<BunitNavigationManager>().NavigateTo(uri);
        var query = uri.Contains('?', StringComparison.Ordinal) ? uri[(uri.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        return new QueueFilter(query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p["queue=".Length..]));
    }

    /// <summary>The picker over a board with one Sales call, clicked open; its list is in the popover provider.</summary>
    private static (IRenderedComponent<QueueFilterSelect> Picker, IRenderedComponent<MudPopoverProvider> Popovers) Opened(UiHarness h)
    {
        h.Poll(Rows.Ordered(7001, At(9, 0)));
        var popovers = h.Context.Render<MudPopoverProvider>();
        var cut = Render(h, QueueFilter.All);
        cut.Find(".mud-select").Click();
        return (cut, popovers);
    }

    private static IRenderedComponent<QueueFilterSelect> Render(UiHarness h, QueueFilter filter) =>
        h.Context.Render<QueueFilterSelect>(p => p.Add(x => x.State, h.Board.State).Add(x => x.Rules, h.Board.Rules).Add(x => x.Filter, filter));

    /// <summary>Generated ids, Blazor's event markers, validation state and how empty elements are written aside.</summary>
    private static string Normalized(string markup)
    {
        var s = NoiseAttributes().Replace(markup, "");
        s = EmptyElement().Replace(s, "<$1$2></$1>");
        return Whitespace().Replace(s, " ").Replace("> <", "><", StringComparison.Ordinal).Replace(" >", ">", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"\s(id|for|aria-invalid|blazor:[\w:]+)(=""[^""]*"")?")]
    private static partial Regex NoiseAttributes();

    [GeneratedRegex(@"<(path|input)([^>]*?)\s*/>")]
    private static partial Regex EmptyElement();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
