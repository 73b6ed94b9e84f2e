using Callout.Dashboard.Ui.Layout;

namespace Callout.Dashboard.Ui.Tests.Layout;

public sealed partial class CachedThemeProviderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CachedThemeProvider_SameTheme_WritesTheStockProvidersCss(bool wall)
    {
        await using var h = new UiHarness(At(10, 0));
        var theme = wall ? DashboardTheme.Wall : DashboardTheme.Light;

        var stock = h.Context.Render<MudThemeProvider>(p => p
            .Add(x => x.Theme, theme).Add(x => x.IsDarkMode, wall).Add(x => x.ObserveSystemDarkModeChange, false));
        var cached = h.Context.Render<CachedThemeProvider>(p => p
            .Add(x => x.Theme, theme).Add(x => x.IsDarkMode, wall).Add(x => x.ObserveSystemDarkModeChange, false));

        Assert.Contains(wall ? "--mud-palette-background: rgba(0,0,0,1)" : "--mud-palette-primary: rgba(11,79,108,1)", cached.Markup, StringComparison.Ordinal);
        Assert.Equal(ChartStyle().Replace(stock.Markup, ""), cached.Markup);
    }

    /// <summary>MudBlazor's chart hover style, which the cached provider leaves out.</summary>
    [GeneratedRegex(@"<style>\s*\.mud-chart-serie:hover.*?</style>\s*", RegexOptions.Singleline)]
    private static partial Regex ChartStyle();
}
