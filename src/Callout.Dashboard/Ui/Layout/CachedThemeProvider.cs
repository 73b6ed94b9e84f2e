using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Callout.Dashboard.Ui.Layout;

/// <summary>
/// MudThemeProvider whose CSS every circuit shares: the stock one builds ~12,000 characters of CSS variables
/// per circuit, which the circuit's render tree then holds. Built text is swapped for the one copy of equal
/// text (there is one per theme). Leaves out MudBlazor's chart hover style: there are no charts here.
/// </summary>
public sealed class CachedThemeProvider : MudThemeProvider
{
    private static readonly ConcurrentDictionary<string, string> s_css = new(StringComparer.Ordinal);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var css = (DefaultScrollbar ? "" : BuildMudBlazorScrollbar()) + BuildTheme();
        builder.AddMarkupContent(0, s_css.GetOrAdd(css, css));
    }
}
