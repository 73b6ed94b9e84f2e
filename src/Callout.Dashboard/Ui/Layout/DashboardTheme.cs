using MudBlazor;

namespace Callout.Dashboard.Ui.Layout;

/// <summary>Our colours: a calm light theme for desks and a high-contrast dark one for the wall.</summary>
public static class DashboardTheme
{
    private static readonly string[] s_fonts = ["Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Light = new()
    {
        PaletteLight = new PaletteLight { Primary = "#0b4f6c", Secondary = "#01baef", AppbarBackground = "#0b4f6c", Background = "#f4f6f8" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = s_fonts } },
    };

    public static readonly MudTheme Wall = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#4fc3f7", Background = "#000000", Surface = "#111418", TextPrimary = "#ffffff", TextSecondary = "#c7ced6",
            Success = "#4caf50", Warning = "#ffb300", Error = "#ff5252",
        },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = s_fonts } },
    };
}
