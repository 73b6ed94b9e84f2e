namespace Callout.Dashboard.Ui.Tests.Panels;

/// <summary>Destination numbers are personal data: masked unless Dashboard:MaskPhoneNumbers is off.</summary>
public sealed class MaskingTests
{
    private static readonly DateTime Now = At(10, 5);

    private static void Seed(UiHarness h) => h.Poll(
        [
            .. Rows.Ordered(7001, At(10, 0)),
            .. Rows.Scheduled(7002, At(9, 0), At(11, 0)),
            .. Rows.Answered(7003, At(9, 50)),
        ],
        []);

    [Fact]
    public async Task Overview_MaskingOn_ShowsMaskedDestinationsAndNeverTheNumber()
    {
        await using var h = new UiHarness(Now, o => o.MaskPhoneNumbers = true);
        Seed(h);

        var cut = h.RenderPage<Overview>();

        foreach (var id in new[] { "7001", "7002", "7003" })
        {
            Assert.Equal(Rows.MaskedNumber, cut.Find($"tr[data-call='{id}'] td.number").TextContent.Trim());
        }
        Assert.DoesNotContain(Rows.Number, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("22222222", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledPage_MaskingOn_NeverShowsTheNumber()
    {
        await using var h = new UiHarness(Now, o => o.MaskPhoneNumbers = true);
        Seed(h);

        var cut = h.RenderPage<ScheduledPage>("/scheduled");

        Assert.Contains(Rows.MaskedNumber, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Rows.Number, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_MaskingOff_ShowsFullDestination()
    {
        await using var h = new UiHarness(Now, o => o.MaskPhoneNumbers = false);
        Seed(h);

        var cut = h.RenderPage<Overview>();

        foreach (var id in new[] { "7001", "7002", "7003" })
        {
            Assert.Equal(Rows.Number, cut.Find($"tr[data-call='{id}'] td.number").TextContent.Trim());
        }
        Assert.DoesNotContain(Rows.MaskedNumber, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActiveCalloutsPanel_DefaultOptions_MasksDestination()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 0)));

        var cut = h.RenderPanel<ActiveCalloutsPanel>();

        Assert.Equal(Rows.MaskedNumber, cut.Find("tr[data-call='7001'] td.number").TextContent.Trim());
        Assert.DoesNotContain(Rows.Number, cut.Markup, StringComparison.Ordinal);
    }
}
